import NeuralBrainTemplates
import Testing

/// `{{>name}}`: another template of the library, rendered in the current context, indented when
/// standalone (the Mustache spec's partials module, with swift-mustache's indentation rule: each
/// piece of the partial's output that starts a line after `\n` gets the indentation).
@Suite("Partials")
struct PartialTests {
  static let cases: [TemplateCase] = [
    TemplateCase("basic", "\"{{>text}}\"", partials: ["text": "from partial"], expect: "\"from partial\""),
    TemplateCase("missing partial renders nothing", "\"{{>text}}\"", expect: "\"\""),
    TemplateCase(
      "current context", "\"{{>partial}}\"", data: ["text": "content"], partials: ["partial": "*{{text}}*"],
      expect: "\"*content*\""),
    TemplateCase(
      "recursion", "{{>node}}", data: ["content": "X", "nodes": [["content": "Y", "nodes": []]]],
      partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"], expect: "X<Y<>>"),
    TemplateCase(
      "surrounding whitespace", "| {{>partial}} |", partials: ["partial": "\t|\t"], expect: "| \t|\t |"),
    TemplateCase(
      "inline indentation", "  {{data}}  {{> partial}}\n", data: ["data": "|"], partials: ["partial": ">\n>"],
      expect: "  |  >\n>\n"),
    TemplateCase(
      "standalone \\r\\n lines", "|\r\n{{>partial}}\r\n|", partials: ["partial": ">"], expect: "|\r\n>|"),
    TemplateCase(
      "standalone without previous line", "  {{>partial}}\n>", partials: ["partial": ">\n>"], expect: "  >\n  >>"),
    TemplateCase(
      "standalone without newline", ">\n  {{>partial}}", partials: ["partial": ">\n>"], expect: ">\n  >\n  >"),
    TemplateCase(
      "standalone indentation", "\\\n {{>partial}}\n/\n", data: ["content": "<\n->"],
      partials: ["partial": "|\n{{{content}}}\n|\n"], expect: "\\\n |\n <\n->\n |\n/\n"),
    TemplateCase("padding", "|{{> partial }}|", partials: ["partial": "[]"], expect: "|[]|"),
    TemplateCase(
      "nested standalone partials add their indentation", "  {{>outer}}\n",
      partials: ["outer": "o\n  {{>inner}}\no\n", "inner": "i\ni\n"], expect: "  o\n    i\n    i\n  o\n"),
    TemplateCase(
      "a section's output is indented where it starts a line, not at each list element", "  {{>p}}\n",
      data: ["rows": [["x": 1], ["x": 2]]], partials: ["p": "<ul>\n{{#rows}}\n<li>{{x}}</li>\n{{/rows}}\n</ul>\n"],
      expect: "  <ul>\n  <li>1</li>\n<li>2</li>\n  </ul>\n"),
    TemplateCase(
      "lines inside one section element are indented", "  {{>p}}\n", data: ["o": ["x": 1]],
      partials: ["p": "{{#o}}\na\n{{x}}\n{{/o}}\n"], expect: "  a\n  1\n"),
    TemplateCase(
      "a line holding an empty value is still indented", "  {{>p}}\n",
      data: ["x": ""], partials: ["p": "a\n{{x}}\nb\n"], expect: "  a\n  \n  b\n"),
    TemplateCase(
      "values are not indented", "  {{>p}}\n", data: ["v": "1\n2"], partials: ["p": "[{{v}}]\n"],
      expect: "  [1\n2]\n"),
    TemplateCase(
      "a tab-indented standalone partial", "\t{{>p}}\n", partials: ["p": "a\nb\n"], expect: "\ta\n\tb\n"),
    TemplateCase(
      "the indentation of a missing partial stays", "  {{>missing}}\nx", expect: "  x"),
    TemplateCase(
      "a partial's delimiters are its own", "{{=<% %>=}}<%>p%>|<%x%>", data: ["x": "X"], partials: ["p": "{{x}}"],
      expect: "X|X"),
    TemplateCase(
      "delimiters set in a partial stay in it", "[{{>include}}]\n[.{{value}}.  .|value|.]\n", data: ["value": "yes"],
      partials: ["include": ".{{value}}. {{= | | =}} .|value|."], expect: "[.yes.  .yes.]\n[.yes.  .|value|.]\n"),
    TemplateCase(
      "a partial renders with the list element as context", "{{#rows}}{{>row}};{{/rows}}",
      data: ["rows": [["n": 1], ["n": 2]], "sep": "-"], partials: ["row": "{{sep}}{{n}}"], expect: "-1;-2;"),
    TemplateCase(
      "partial names may hold dots and slashes", "{{>email.txt}}|{{> a/b }}",
      partials: ["email.txt": "mail", "a/b": "ab"], expect: "mail|ab"),
  ]

  @Test("partials", arguments: cases)
  func partial(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }

  @Test("a partial that includes itself stops after 64 levels")
  func runawayRecursion() throws {
    let runaway = TemplateCase("runaway", "{{>self}}", partials: ["self": "x{{>self}}"], expect: "")
    #expect(try runaway.render() == String(repeating: "x", count: 64))
  }

  @Test("a partial recursing through sections stops within the depth limits")
  func runawayRecursionThroughSections() throws {
    let nested = String(repeating: "{{#a}}", count: 100) + "{{>deep}}" + String(repeating: "{{/a}}", count: 100)
    let runaway = TemplateCase("runaway", "{{>deep}}", data: ["a": true], partials: ["deep": "x" + nested], expect: "")
    let output = try runaway.render()
    #expect(output.count > 1 && output.count <= 64)
    #expect(output.allSatisfy { $0 == "x" })
  }
}
