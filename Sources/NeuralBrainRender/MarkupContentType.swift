import Mustache

/// The escaping every template's `{{tag}}` gets: `Markup.escape`, the rule the SVG and XML
/// writers use, registered with swift-mustache as the content type `XHTML`.
///
/// swift-mustache's own HTML escaping walks each value character by character through a
/// dictionary of replacements, a fifth of the time a page of tables took to render; `Markup`
/// returns a value with nothing to escape (nearly every one) as it is. The same five entities
/// come out either way.
struct MarkupContentType: MustacheContentType {
  func escapeText(_ text: String) -> String { Markup.escape(text) }

  /// The pragma put before each template's first line: partials start again from
  /// swift-mustache's default, so each template names it. A template's own `CONTENT_TYPE`
  /// (`email.txt` asks for `TEXT`) comes after, and wins.
  static let pragma: String = {
    MustacheContentTypes.register(MarkupContentType(), named: "XHTML")
    return "{{% CONTENT_TYPE: XHTML }}\n"
  }()
}
