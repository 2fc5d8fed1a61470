/// A tag's name, split once at parse time: where the lookup starts, the components after that, and
/// the transforms to apply to what is found.
///
/// swift-mustache splits the name on every lookup; here `{{a.b.c}}` is `.climbing` with components
/// `["a", "b", "c"]`, `{{.}}` is `.current`, `{{.name}}` is `.anchored`, and `{{index()}}` (a transform
/// of the empty name) is `.sequence`.
struct TemplateName: Sendable {
  /// Where a lookup starts.
  enum Root: Sendable {
    /// The top of the context stack (`{{.}}`, or a name made only of dots).
    case current
    /// The components looked up in the top of the stack only (`{{.name}}`).
    case anchored
    /// The first component found by climbing the stack, the others in what was found (`{{a.b}}`).
    case climbing
    /// The position in the list being iterated (`{{#first()}}`).
    case sequence
  }

  let root: Root
  /// The dot-separated components, empty ones left out (as `split(separator: ".")` does).
  let components: [String]
  /// The transforms in the order they apply: `{{reversed(sorted(tags))}}` is `[.sorted, .reversed]`.
  let transforms: [TemplateTransform]

  /// The name `name` with the transforms written around it, outermost first.
  init(name: String, transforms: [String]) {
    self.transforms = transforms.reversed().map(TemplateTransform.init(name:))
    let parts = name.split(separator: ".").map(String.init)
    if name.isEmpty {
      root = .sequence
      components = []
    } else if name == "." || parts.isEmpty {
      root = .current
      components = []
    } else if name.first == "." {
      root = .anchored
      components = parts
    } else {
      root = .climbing
      components = parts
    }
  }
}
