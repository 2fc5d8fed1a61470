/// Where the element being rendered sits in the list a section iterates: what the empty-name
/// transforms `{{#first()}}`, `{{#last()}}`, `{{index()}}`, `{{#even()}}` and `{{#odd()}}` read.
///
/// swift-mustache keeps this beside the context stack: set for each element of a list section,
/// kept by a `true` section and by an inverted section that renders the same context, cleared by
/// any other pushed value and by a partial.
struct SequencePosition: Sendable {
  /// 0-based index of the element.
  let index: Int
  let isFirst: Bool
  let isLast: Bool
}
