import NeuralBrainTemplates

/// The content types a template may ask for with `{{% CONTENT_TYPE: NAME }}`.
///
/// `XHTML`, every template's start, escapes with `Markup.escape` (the rule the SVG and XML
/// writers use: `&`, `<`, `>`, `"` and `'` as entities, control characters as spaces); `HTML`
/// is the same rule under the name templates written for swift-mustache used; `TEXT` escapes
/// nothing (the plain-text e-mail).
enum MarkupContentType {
  /// The content type every template starts with.
  static let initial = "XHTML"

  /// Every content type by name.
  static let all: [String: TemplateEscaper] = [
    "XHTML": markup, "HTML": markup, "TEXT": TemplateLibrary.plainText,
  ]

  private static let markup: TemplateEscaper = { text, output in Markup.appendEscaped(text, to: &output) }
}
