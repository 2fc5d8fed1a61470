/// What a template is rendered with: the tree `{{name}}`, `{{#section}}` and `{{.}}` look into.
///
/// Views are converted to this tree once per page; every lookup is then a dictionary access on
/// a value type, with no casts, no reflection and no `Any`.
public enum TemplateData: Sendable, Equatable {
  /// A text, escaped by the template's content type (`{{name}}`) or written as it is (`{{{name}}}`).
  case text(String)
  /// An integer, written in decimal.
  case integer(Int)
  /// A floating-point number, written as Swift's `description` writes it (`0.25`).
  case double(Double)
  /// `true` renders a section once, `false` skips it.
  case bool(Bool)
  /// A list: a section renders once per element; an empty list counts as false.
  case list([TemplateData])
  /// An object: its fields by name.
  case object([String: TemplateData])
  /// Nothing: renders as empty text and counts as false.
  case null
}
