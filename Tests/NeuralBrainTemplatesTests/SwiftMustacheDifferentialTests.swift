import Foundation
import Mustache
import NeuralBrainTemplates
import Testing

/// `TemplateLibrary` against swift-mustache, the engine it replaced and the reference it is held
/// to (a dependency of this test target only): the same templates and data must give
/// byte-identical output, outside the differences `DeviationTests` lists.
///
/// swift-mustache reads the data as `Any` trees, converted from `TemplateData` as the renderer
/// converts its views; each template gets the `XHTML` pragma first, as the renderer prepends it.
@Suite("swift-mustache differential")
struct SwiftMustacheDifferentialTests {
  /// swift-mustache's side of the site's XHTML escaping.
  struct XHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { TestEscaping.xhtml(text) }
  }

  static let pragma: String = {
    MustacheContentTypes.register(XHTMLContentType(), named: "XHTML")
    return "{{% CONTENT_TYPE: XHTML }}\n"
  }()

  /// `data` as swift-mustache reads it: texts, numbers and booleans as Swift values, a list of
  /// texts or numbers with its element type (so that `sorted` applies), any other list as `[Any]`,
  /// an object as `[String: Any]` without its null fields, a null list element as `NSNull`.
  static func swiftValue(_ data: TemplateData) -> Any {
    switch data {
    case .text(let text): return text
    case .integer(let number): return number
    case .double(let number): return number
    case .bool(let flag): return flag
    case .null: return NSNull()
    case .list(let items):
      if items.isEmpty { return [String]() }
      let values = items.map(swiftValue)
      if let texts = values as? [String], items.allSatisfy({ if case .text = $0 { true } else { false } }) {
        return texts
      }
      if items.allSatisfy({ if case .integer = $0 { true } else { false } }) { return values.map { $0 as! Int } }
      if items.allSatisfy({ if case .double = $0 { true } else { false } }) { return values.map { $0 as! Double } }
      return values
    case .object(let fields):
      return fields.filter { $0.value != .null }.mapValues(swiftValue)
    }
  }

  /// `templates` rendered by swift-mustache from template `name`.
  static func swiftMustache(_ templates: [String: String], _ data: TemplateData, template name: String) throws -> String
  {
    var library = MustacheLibrary()
    for (templateName, text) in templates {
      try library.register(pragma + text, named: templateName)
    }
    return try #require(library.render(swiftValue(data), withTemplate: name))
  }

  /// `templates` rendered by `TemplateLibrary` from template `name`.
  static func engine(_ templates: [String: String], _ data: TemplateData, template name: String) throws -> String {
    let library = try TemplateLibrary(
      templates: templates, contentTypes: TemplateCase.contentTypes, defaultContentType: "XHTML")
    return String(decoding: try #require(library.render(data, template: name)), as: UTF8.self)
  }

  // MARK: The site's templates

  @Test("the site's templates render byte-identically", arguments: SiteModel.variants)
  func siteTemplates(variant: Int) throws {
    let templates = SiteModel.templates
    let data = SiteModel.model(variant: variant)
    let library = try TemplateLibrary(
      templates: templates, contentTypes: TemplateCase.contentTypes, defaultContentType: "XHTML")
    var mustache = MustacheLibrary()
    for (name, text) in templates {
      try mustache.register(Self.pragma + text, named: name)
    }
    let value = Self.swiftValue(data)
    for name in templates.keys.sorted() {
      let expected = try #require(mustache.render(value, withTemplate: name))
      let rendered = String(decoding: try #require(library.render(data, template: name)), as: UTF8.self)
      #expect(rendered == expected, "\(name), variant \(variant)")
      #expect(rendered.utf8.count > 100, "\(name) renders something")
    }
  }

  // MARK: The tables

  static let tableCases =
    InterpolationTests.cases + SectionTests.cases + InvertedSectionTests.cases + CommentTests.cases
    + PartialTests.cases + DelimiterTests.cases + StandaloneLineTests.cases + TransformTests.cases
    + ContentTypeTests.cases

  @Test("every table case renders as swift-mustache renders it", arguments: tableCases)
  func tableCase(_ testCase: TemplateCase) throws {
    var templates = testCase.partials
    templates[TemplateCase.templateName] = testCase.template
    let expected = try Self.swiftMustache(templates, testCase.data, template: TemplateCase.templateName)
    #expect(try testCase.render() == expected)
  }

  @Test(
    "swift-mustache refuses what is a syntax error here, where it can parse",
    arguments: TemplateSyntaxErrorTests.cases.filter(\.refusedBySwiftMustache))
  func refused(_ errorCase: TemplateSyntaxErrorTests.ErrorCase) {
    #expect(throws: (any Error).self) { try MustacheTemplate(string: errorCase.template) }
  }

  // MARK: The renderer's transform cases

  /// The model of `NeuralBrainRenderTests.TemplateNodeTests`.
  static let nodeModel: TemplateData = [
    "name": "Ålborg <North> & \"South\"", "empty": "", "count": 3, "zero": 0, "flag": true, "no": false,
    "ratio": 0.25, "tags": ["b", "a", "c"],
    "rows": [["x": "1", "n": 1], ["x": "<2>", "n": 2]],
    "site": ["root": "../", "ranks": ["risk": 2]],
  ]

  /// The templates of `NeuralBrainRenderTests.TemplateNodeTests`.
  static let nodeTemplates = [
    "{{name}}|{{{name}}}",
    "{{uppercased(name)}} {{lowercased(name)}} {{reversed(name)}}",
    "{{#empty}}e{{/empty}}{{^empty}}n{{/empty}}{{#empty(empty)}}E{{/empty(empty)}}",
    "{{count}} {{plusone(count)}} {{minusone(count)}}",
    "{{#equalzero(zero)}}z{{/equalzero(zero)}}{{#odd(count)}}o{{/odd(count)}}{{#zero}}0{{/zero}}",
    "{{#flag}}f{{/flag}}{{^no}}n{{/no}}{{flag}}",
    "{{ratio}}",
    "{{#sorted(tags)}}{{.}}{{/sorted(tags)}} {{count(tags)}}",
    "{{#rows}}{{x}}:{{n}}:{{site.root}}{{#first()}}F{{/first()}};{{/rows}}",
    "{{count(rows)}} {{#first(rows)}}{{x}}{{/first(rows)}} {{#last(rows)}}{{x}}{{/last(rows)}}",
    "{{#reversed(rows)}}{{x}}{{/reversed(rows)}}{{^empty(rows)}}!{{/empty(rows)}}",
    "{{site.ranks.risk}} {{#site}}{{root}}{{ranks.risk}}{{/site}}",
    "{{#name}}[{{.}}]{{/name}}",
    "{{missing}}{{^missing}}m{{/missing}}{{site.missing}}",
    "{{count(site)}} {{#site.ranks}}{{risk}}{{/site.ranks}}",
    "{{#name}}{{name}}/{{count}}/{{site.root}}{{/name}} {{#count}}{{count}}{{name}}{{/count}}",
    "[{{name.text}}{{#name}}{{text}}{{/name}}{{count.value}}{{#count}}{{value}}{{/count}}]",
  ]

  @Test("the renderer's transform cases render as swift-mustache renders them", arguments: nodeTemplates)
  func nodeTemplate(_ template: String) throws {
    let templates = [TemplateCase.templateName: template]
    let expected = try Self.swiftMustache(templates, Self.nodeModel, template: TemplateCase.templateName)
    #expect(!expected.isEmpty)
    #expect(try Self.engine(templates, Self.nodeModel, template: TemplateCase.templateName) == expected)
  }
}
