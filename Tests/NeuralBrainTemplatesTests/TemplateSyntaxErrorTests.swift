import NeuralBrainTemplates
import Testing

/// Templates that cannot be parsed: the error names the template, the line and column of the
/// offending tag (of the opening tag, for a section never closed) and the construct.
@Suite("Syntax errors")
struct TemplateSyntaxErrorTests {
  /// A template that does not parse, where, and words the message must contain.
  struct ErrorCase: Sendable, CustomStringConvertible {
    let template: String
    let line: Int
    let column: Int
    let message: String
    /// Whether swift-mustache refuses the template too (it accepts the constructs this engine
    /// does not support, and empty names).
    let refusedBySwiftMustache: Bool

    init(_ template: String, _ line: Int, _ column: Int, _ message: String, swiftMustacheRefuses: Bool = true) {
      self.template = template
      self.line = line
      self.column = column
      self.message = message
      self.refusedBySwiftMustache = swiftMustacheRefuses
    }

    var description: String { template.debugDescription }
  }

  static let cases: [ErrorCase] = [
    ErrorCase("{{name", 1, 1, "unclosed tag {{name: no }} before the end of the line"),
    ErrorCase("a\n  {{name}\nb}}", 2, 3, "unclosed tag {{name}"),
    ErrorCase("a {{#rows}\n", 1, 3, "unclosed tag {{#rows}"),
    ErrorCase("x {{", 1, 3, "unclosed tag {{", swiftMustacheRefuses: false),
    ErrorCase("{{=<% %>=}}\n\n<%name", 3, 1, "unclosed tag <%name: no %> before the end of the line"),
    ErrorCase("{{#rows}}\nx", 1, 1, "the section {{#rows}} opened at line 1, column 1 is never closed"),
    ErrorCase(
      "a\n\n  {{#rows}}\n{{#charts}}{{/charts}}\n", 3, 3,
      "the section {{#rows}} opened at line 3, column 3 is never closed"),
    ErrorCase("{{#a}}{{^b}}{{/b}}", 1, 1, "the section {{#a}} opened at line 1, column 1 is never closed"),
    ErrorCase("{{#a}}{{^b}}", 1, 7, "the section {{^b}} opened at line 1, column 7 is never closed"),
    ErrorCase("{{#charts}}\n{{/rows}}", 2, 1, "{{/rows}} closes {{#charts}} (opened at line 1, column 1)"),
    ErrorCase("{{#a}}{{#b}}{{/a}}{{/b}}", 1, 13, "{{/a}} closes {{#b}} (opened at line 1, column 7)"),
    ErrorCase("{{#first(rows)}}{{/rows}}", 1, 17, "{{/rows}} closes {{#first(rows)}}"),
    ErrorCase("x{{/rows}}", 1, 2, "{{/rows}} closes a section that was never opened"),
    ErrorCase("{{#a}}{{/a}}{{/a}}", 1, 13, "{{/a}} closes a section that was never opened"),
    ErrorCase("{{=<% %>}}", 1, 1, "invalid delimiter change {{=<% %>}}"),
    ErrorCase("a\n{{= <% =}}", 2, 1, "invalid delimiter change {{= <% =}}"),
    ErrorCase("{{=<%%>=}}", 1, 1, "invalid delimiter change"),
    ErrorCase(
      "{{<parent}}{{/parent}}", 1, 1, "template inheritance ({{<parent}}) is not supported", swiftMustacheRefuses: false
    ),
    ErrorCase(
      "a{{$block}}x{{/block}}", 1, 2, "template inheritance ({{$block}}) is not supported", swiftMustacheRefuses: false),
    ErrorCase("{{>*name}}", 1, 1, "dynamic partial names ({{>*name}}) are not supported", swiftMustacheRefuses: false),
    ErrorCase(
      "{{> *name }}", 1, 1, "dynamic partial names ({{> *name }}) are not supported", swiftMustacheRefuses: false),
    ErrorCase("{{% CONTENT_TYPE: HTMLX }}", 1, 1, "unknown content type HTMLX in {{% CONTENT_TYPE: HTMLX }}"),
    ErrorCase("\n {{% FOO: x }}", 2, 2, "unknown pragma FOO in {{% FOO: x }}"),
    ErrorCase("{{%CONTENT_TYPE}}", 1, 1, "invalid pragma {{%CONTENT_TYPE}}"),
    ErrorCase("{{%CONTENT_TYPE:}}", 1, 1, "invalid pragma {{%CONTENT_TYPE:}}"),
    ErrorCase("{{}}", 1, 1, "{{}} names nothing", swiftMustacheRefuses: false),
    ErrorCase("{{ }}", 1, 1, "{{ }} names nothing", swiftMustacheRefuses: false),
    ErrorCase("{{#}}{{/}}", 1, 1, "{{#}} names nothing", swiftMustacheRefuses: false),
    ErrorCase("{{^}}{{/}}", 1, 1, "{{^}} names nothing", swiftMustacheRefuses: false),
    ErrorCase("{{{}}}", 1, 1, "{{{}}} names nothing", swiftMustacheRefuses: false),
    ErrorCase("{{&}}", 1, 1, "{{&}} names nothing", swiftMustacheRefuses: false),
    ErrorCase("{{>}}", 1, 1, "the partial {{>}} names no template", swiftMustacheRefuses: false),
    ErrorCase("{{a b}}", 1, 1, "invalid tag {{a b}}"),
    ErrorCase("{{#a}}{{ü}}{{/a}}", 1, 7, "invalid tag {{ü}}"),
    ErrorCase("{{ #a }}", 1, 1, "invalid tag {{ #a }}"),
    ErrorCase("{{uppercased(name}}", 1, 1, "{{uppercased(name}} is not a valid transform"),
    ErrorCase("{{uppercased(name))}}", 1, 1, "{{uppercased(name))}} is not a valid transform"),
    ErrorCase("{{a)b}}", 1, 1, "{{a)b}} is not a valid transform"),
    ErrorCase("{{f(a)b}}", 1, 1, "{{f(a)b}} is not a valid transform"),
    ErrorCase("{{{name}}", 1, 1, "{{{name}} lacks the third } of a triple mustache"),
    ErrorCase("{{=<% %>=}}<%{x}%>", 1, 12, "invalid tag <%{x}%>"),
    ErrorCase("a {{! never closed\n", 1, 3, "unclosed comment: {{! has no }}"),
    ErrorCase("Ålborg é {{x", 1, 10, "unclosed tag {{x"),
    ErrorCase("a\r\nb\r\n  {{x", 3, 3, "unclosed tag {{x"),
    ErrorCase(
      String(repeating: "{{#a}}\n", count: 101) + String(repeating: "{{/a}}\n", count: 101), 101, 1,
      "{{#a}} is nested more than 100 sections deep", swiftMustacheRefuses: false),
  ]

  @Test("the error names the template, the position and the construct", arguments: cases)
  func syntaxError(_ errorCase: ErrorCase) {
    let error = #expect(throws: TemplateSyntaxError.self) {
      try TemplateLibrary(
        templates: ["fine": "{{x}}", "page": errorCase.template], contentTypes: TemplateCase.contentTypes,
        defaultContentType: "XHTML")
    }
    #expect(error?.template == "page")
    #expect(error?.line == errorCase.line)
    #expect(error?.column == errorCase.column)
    #expect(error?.message.contains(errorCase.message) == true, "\(error?.message ?? "no error")")
  }

  @Test("100 nested sections are allowed")
  func maximumNesting() throws {
    let template = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
    let deep = TemplateCase("deep", template, data: ["a": true], expect: "x")
    #expect(try deep.render() == "x")
  }

  @Test("the description reads as a compiler's")
  func description() {
    let error = TemplateSyntaxError(template: "region", line: 3, column: 5, message: "unclosed tag {{x")
    #expect(error.description == "region:3:5: unclosed tag {{x")
  }

  @Test("the first template in name order with an error is reported")
  func firstError() {
    let error = #expect(throws: TemplateSyntaxError.self) {
      try TemplateLibrary(
        templates: ["b": "{{#x}}", "a": "fine", "c": "{{/y}}"], contentTypes: TemplateCase.contentTypes,
        defaultContentType: "XHTML")
    }
    #expect(error?.template == "b")
  }
}
