import NeuralBrainTemplates
import Testing

/// One rule as a table row: a template (and its partials), the data and the expected output.
///
/// The suites' tables double as the differential test's inputs (`SwiftMustacheDifferentialTests`),
/// so every expectation here is also checked against swift-mustache.
struct TemplateCase: Sendable, CustomStringConvertible {
  let name: String
  let template: String
  let data: TemplateData
  let partials: [String: String]
  let expected: String

  init(_ name: String, _ template: String, data: TemplateData = [:], partials: [String: String] = [:], expect: String) {
    self.name = name
    self.template = template
    self.data = data
    self.partials = partials
    self.expected = expect
  }

  var description: String { name }

  /// The name the case's template is registered under (its partials keep theirs).
  static let templateName = "main"

  /// The content types every case may use: `XHTML` (the default) and `TEXT`.
  static let contentTypes: [String: TemplateEscaper] = ["XHTML": TestEscaping.xhtml, "TEXT": TemplateLibrary.plainText]

  /// The case's template rendered by `TemplateLibrary`.
  func render() throws -> String {
    var templates = partials
    templates[Self.templateName] = template
    let library = try TemplateLibrary(
      templates: templates, contentTypes: Self.contentTypes, defaultContentType: "XHTML")
    let bytes = try #require(library.render(data, template: Self.templateName))
    return String(decoding: bytes, as: UTF8.self)
  }
}
