import NeuralBrainTemplates
import Testing

/// `{{=<% %>=}}`: changing the delimiters (the Mustache spec's delimiters module, with
/// swift-mustache's scoping: a change inside a section ends with the section).
@Suite("Delimiters")
struct DelimiterTests {
  static let cases: [TemplateCase] = [
    TemplateCase("pair", "{{=<% %>=}}(<%text%>)", data: ["text": "Hey!"], expect: "(Hey!)"),
    TemplateCase("special characters", "({{=[ ]=}}[text])", data: ["text": "It worked!"], expect: "(It worked!)"),
    TemplateCase(
      "sections",
      "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
      data: ["section": true, "data": "I got interpolated."],
      expect: "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"),
    TemplateCase(
      "inverted sections",
      "[\n{{^section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|^section|\n  {{data}}\n  |data|\n|/section|\n]\n",
      data: ["section": false, "data": "I got interpolated."],
      expect: "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"),
    TemplateCase(
      "partials keep the default delimiters", "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", data: ["value": "yes"],
      partials: ["include": ".{{value}}."], expect: "[ .yes. ]\n[ .yes. ]\n"),
    TemplateCase("surrounding whitespace", "| {{=@ @=}} |", expect: "|  |"),
    TemplateCase("outlying whitespace", " | {{=@ @=}}\n", expect: " | \n"),
    TemplateCase("standalone", "Begin.\n{{=@ @=}}\nEnd.\n", expect: "Begin.\nEnd.\n"),
    TemplateCase("indented standalone", "Begin.\n  {{=@ @=}}\nEnd.\n", expect: "Begin.\nEnd.\n"),
    TemplateCase("standalone \\r\\n", "|\r\n{{= @ @ =}}\r\n|", expect: "|\r\n|"),
    TemplateCase("standalone without previous line", "  {{=@ @=}}\n=", expect: "="),
    TemplateCase("standalone without newline", "=\n  {{=@ @=}}", expect: "=\n"),
    TemplateCase("padding", "|{{= @   @ =}}|", expect: "||"),
    TemplateCase(
      "a change inside a section ends with it", "{{#flag}}{{=<% %>=}}<%name%>{{name}}<%/flag%>{{name}}<%name%>",
      data: ["flag": true, "name": "n"], expect: "n{{name}}n<%name%>"),
    TemplateCase(
      "a change inside a list section applies to every element", "{{#list}}{{=[ ]=}}[.]{{.}}[/list]",
      data: ["list": ["a", "b"]], expect: "a{{.}}b{{.}}"),
    TemplateCase(
      "tags with changed delimiters", "{{=<% %>=}}<%#a%><%&b%><%! c %><%/a%><%^a%>no<%/a%>",
      data: ["a": true, "b": "<b>"], expect: "<b>"),
    TemplateCase("one-character delimiters", "{{=| |=}}|x||&x|{x}", data: ["x": "<"], expect: "&lt;<{x}"),
    TemplateCase(
      "long delimiters", "{{=<<< >>>=}}<<<x>>> {{x}} << x >>", data: ["x": "1"], expect: "1 {{x}} << x >>"),
    TemplateCase(
      "a triple mustache with changed delimiters closes after the delimiter", "{{=<% %>=}}<%{x%>}", data: ["x": "<"],
      expect: "<"),
    TemplateCase("changing back", "{{=<% %>=}}<%x%><%={{ }}=%>{{x}}", data: ["x": "1"], expect: "11"),
  ]

  @Test("delimiters", arguments: cases)
  func delimiter(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }
}
