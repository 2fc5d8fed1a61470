import NeuralBrainTemplates
import Testing

/// `{{#name}}…{{/name}}`: what renders and with which context, for every kind of value (the
/// Mustache spec's sections module, with swift-mustache's rules: `true` pushes nothing, any text or
/// number, even empty or 0, renders once with the value pushed).
@Suite("Sections")
struct SectionTests {
  static let deeplyNested = """
    {{#a}}
    {{one}}
    {{#b}}
    {{one}}{{two}}{{one}}
    {{#c}}
    {{one}}{{two}}{{three}}{{two}}{{one}}
    {{#d}}
    {{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}
    {{#five}}
    {{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}
    {{one}}{{two}}{{three}}{{four}}{{.}}6{{.}}{{four}}{{three}}{{two}}{{one}}
    {{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}
    {{/five}}
    {{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}
    {{/d}}
    {{one}}{{two}}{{three}}{{two}}{{one}}
    {{/c}}
    {{one}}{{two}}{{one}}
    {{/b}}
    {{one}}
    {{/a}}

    """

  static let cases: [TemplateCase] = [
    TemplateCase(
      "true renders", "\"{{#boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": true],
      expect: "\"This should be rendered.\""),
    TemplateCase(
      "false does not", "\"{{#boolean}}Not rendered.{{/boolean}}\"", data: ["boolean": false], expect: "\"\""),
    TemplateCase("null does not", "\"{{#null}}Not rendered.{{/null}}\"", data: ["null": .null], expect: "\"\""),
    TemplateCase("missing does not", "[{{#missing}}Found key 'missing'!{{/missing}}]", expect: "[]"),
    TemplateCase(
      "an object is pushed", "\"{{#context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": "Joe"]],
      expect: "\"Hi Joe.\""),
    TemplateCase(
      "names climb the stack", "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"",
      data: ["a": "foo", "b": "wrong", "sec": ["b": "bar"], "c": ["d": "baz"]], expect: "\"foo, bar, baz\""),
    TemplateCase(
      "a text is pushed", "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", data: ["foo": "bar"], expect: "\"bar is bar\""),
    TemplateCase(
      "lists of lists of objects",
      """
      {{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.\
      {{/bottoms}}{{/middles}}{{/tops}}
      """,
      data: [
        "tops": [
          [
            "tname": ["upper": "A", "lower": "a"],
            "middles": [["mname": "1", "bottoms": [["bname": "x"], ["bname": "y"]]]],
          ]
        ]
      ], expect: "a1.A1x.A1y."),
    TemplateCase(
      "deeply nested contexts", deeplyNested,
      data: ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3, "d": ["four": 4, "five": 5]]],
      expect: "1\n121\n12321\n1234321\n123454321\n12345654321\n123454321\n1234321\n12321\n121\n1\n"),
    TemplateCase(
      "a list renders once per element", "\"{{#list}}{{item}}{{/list}}\"",
      data: ["list": [["item": 1], ["item": 2], ["item": 3]]], expect: "\"123\""),
    TemplateCase(
      "an empty list does not render", "\"{{#list}}Yay lists!{{/list}}\"", data: ["list": []], expect: "\"\""),
    TemplateCase(
      "two sections", "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n",
      data: ["bool": true, "two": "second"], expect: "* first\n* second\n* third\n"),
    TemplateCase(
      "nested, true", "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": true],
      expect: "| A B C D E |"),
    TemplateCase(
      "nested, false", "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": false], expect: "| A  E |"),
    TemplateCase(
      "implicit iterator, texts", "\"{{#list}}({{.}}){{/list}}\"", data: ["list": ["a", "b", "c", "d", "e"]],
      expect: "\"(a)(b)(c)(d)(e)\""),
    TemplateCase(
      "implicit iterator, integers", "\"{{#list}}({{.}}){{/list}}\"", data: ["list": [1, 2, 3, 4, 5]],
      expect: "\"(1)(2)(3)(4)(5)\""),
    TemplateCase(
      "implicit iterator, decimals", "\"{{#list}}({{.}}){{/list}}\"", data: ["list": [1.1, 2.2, 3.3, 4.4, 5.5]],
      expect: "\"(1.1)(2.2)(3.3)(4.4)(5.5)\""),
    TemplateCase(
      "implicit iterator, lists", "\"{{#list}}({{#.}}{{.}}{{/.}}){{/list}}\"",
      data: ["list": [[1, 2, 3], ["a", "b", "c"]]], expect: "\"(123)(abc)\""),
    TemplateCase(
      "implicit iterator, escaped", "\"{{#list}}({{.}}){{/list}}\"", data: ["list": ["&", "\"", "<", ">"]],
      expect: "\"(&amp;)(&quot;)(&lt;)(&gt;)\""),
    TemplateCase(
      "implicit iterator, triple", "\"{{#list}}({{{.}}}){{/list}}\"", data: ["list": ["&", "\"", "<", ">"]],
      expect: "\"(&)(\")(<)(>)\""),
    TemplateCase(
      "implicit iterator, ampersand", "\"{{#list}}({{&.}}){{/list}}\"", data: ["list": ["&", "\"", "<", ">"]],
      expect: "\"(&)(\")(<)(>)\""),
    TemplateCase(
      "implicit iterator, booleans", "{{#list}}[{{.}}{{#.}}+{{/.}}{{^.}}-{{/.}}]{{/list}}",
      data: ["list": [true, false]], expect: "[true+][false-]"),
    TemplateCase(
      "dotted name, true", "\"{{#a.b.c}}Here{{/a.b.c}}\"", data: ["a": ["b": ["c": true]]], expect: "\"Here\""),
    TemplateCase(
      "dotted name, false", "\"{{#a.b.c}}Here{{/a.b.c}}\"", data: ["a": ["b": ["c": false]]], expect: "\"\""),
    TemplateCase("dotted name, broken chain", "\"{{#a.b.c}}Here{{/a.b.c}}\"", data: ["a": [:]], expect: "\"\""),
    TemplateCase(
      "true pushes nothing: the context stays", "{{#name}}{{#flag}}[{{.}}]{{/flag}}{{/name}}",
      data: ["name": "N", "flag": true], expect: "[N]"),
    TemplateCase(
      "an empty text renders with the text pushed", "{{#e}}[{{.}}|{{e}}]{{/e}}", data: ["e": ""], expect: "[|]"),
    TemplateCase("zero renders with zero pushed", "{{#n}}[{{.}}]{{/n}}", data: ["n": 0], expect: "[0]"),
    TemplateCase("a double renders with it pushed", "{{#d}}[{{.}}]{{/d}}", data: ["d": 0.0], expect: "[0.0]"),
    TemplateCase(
      "an empty object renders with it pushed", "{{#o}}[{{name}}]{{/o}}", data: ["o": [:], "name": "outer"],
      expect: "[outer]"),
    TemplateCase(
      "a pushed text has no fields: names climb past it", "{{#name}}{{text}}{{count}}{{/name}}",
      data: ["name": "N", "count": 3], expect: "3"),
    TemplateCase(
      "list elements see the enclosing objects", "{{#rows}}{{x}}{{site.root}};{{/rows}}",
      data: ["rows": [["x": 1], ["x": 2, "site": ["root": "own/"]]], "site": ["root": "../"]], expect: "1../;2own/;"),
    TemplateCase(
      "a null list element renders with nothing found", "{{#list}}[{{.}}{{#.}}+{{/.}}{{^.}}-{{/.}}]{{/list}}",
      data: ["list": ["a", .null]], expect: "[a+][-]"),
    TemplateCase(
      "same section twice, nested", "{{#a}}{{#a}}{{b}}{{/a}}{{/a}}", data: ["a": ["a": ["b": "inner"], "b": "outer"]],
      expect: "inner"),
    TemplateCase(
      "surrounding whitespace", " | {{#boolean}}\t|\t{{/boolean}} | \n", data: ["boolean": true],
      expect: " | \t|\t | \n"),
    TemplateCase(
      "internal whitespace", " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n",
      data: ["boolean": true], expect: " |  \n  | \n"),
    TemplateCase(
      "indented inline sections", " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n",
      data: ["boolean": true], expect: " YES\n GOOD\n"),
    TemplateCase(
      "standalone lines", "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", data: ["boolean": true],
      expect: "| This Is\n|\n| A Line\n"),
    TemplateCase(
      "indented standalone lines", "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n",
      data: ["boolean": true], expect: "| This Is\n|\n| A Line\n"),
    TemplateCase(
      "standalone \\r\\n lines", "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", data: ["boolean": true], expect: "|\r\n|"),
    TemplateCase(
      "standalone without previous line", "  {{#boolean}}\n#{{/boolean}}\n/", data: ["boolean": true],
      expect: "#\n/"),
    TemplateCase(
      "standalone without newline", "#{{#boolean}}\n/\n  {{/boolean}}", data: ["boolean": true], expect: "#\n/\n"),
    TemplateCase("padding", "|{{# boolean }}={{/ boolean }}|", data: ["boolean": true], expect: "|=|"),
  ]

  @Test("sections", arguments: cases)
  func section(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }
}
