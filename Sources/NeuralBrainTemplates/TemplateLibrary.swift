/// All templates of a site, parsed once and rendered many times from many threads.
///
/// This replaces swift-mustache, whose per-tag name splitting, casts of `Any` and string appends
/// were a fifth of a large run: templates are compiled once into node trees (see `TemplateNode`)
/// and rendered as UTF-8 bytes from `TemplateData`. The language is swift-mustache 2's, rule for
/// rule, but for what this engine refuses (template inheritance, dynamic partial names, empty
/// names; there are no lambdas) and what swift-mustache gets wrong (a list or an object is written
/// as nothing, not as Swift's description of it); the tests' `DeviationTests` list them.
///
/// The library is immutable: `render` may be called from any number of threads at once.
public struct TemplateLibrary: Sendable {
  /// The escaper that writes a text as it is (a `TEXT` content type).
  public static let plainText: TemplateEscaper = { text, output in output.append(contentsOf: text.utf8) }

  /// The names of the templates (sorted).
  public let names: [String]
  private let templates: [CompiledTemplate]
  private let indices: [String: Int]

  /// Parses every template. `contentTypes` maps a content-type name (as written in
  /// `{{% CONTENT_TYPE: NAME }}`) to its escaper; every template starts with `defaultContentType`
  /// (which must be a key of `contentTypes`), a partial included from a template too.
  ///
  /// - Throws: the first error in the templates in name order.
  public init(
    templates: [String: String], contentTypes: [String: TemplateEscaper], defaultContentType: String
  ) throws(TemplateSyntaxError) {
    guard let defaultEscaper = contentTypes[defaultContentType] else {
      preconditionFailure(
        "the default content type \(defaultContentType) is not one of the content types "
          + contentTypes.keys.sorted().joined(separator: ", "))
    }
    let names = templates.keys.sorted()
    var indices: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      indices[name] = index
    }
    var compiled: [CompiledTemplate] = []
    compiled.reserveCapacity(names.count)
    for name in names {
      let text = templates[name] ?? ""
      var parser = TemplateParser(
        template: name, text: text, contentTypes: contentTypes, defaultEscaper: defaultEscaper, partials: indices)
      compiled.append(CompiledTemplate(nodes: try parser.parse(), capacity: text.utf8.count * 4))
    }
    self.names = names
    self.templates = compiled
    self.indices = indices
  }

  /// `name`'s text rendered with `data` (UTF-8 bytes), or nil when there is no such template.
  public func render(_ data: TemplateData, template name: String) -> [UInt8]? {
    guard let index = indices[name] else { return nil }
    var renderer = TemplateRenderer(templates: templates, data: data)
    renderer.render(template: index)
    return renderer.output
  }
}
