import NeuralBrainTemplates
import Testing

/// `{{^name}}…{{/name}}`: the mirror image of a section (the Mustache spec's inverted module, with
/// swift-mustache's rules: only an empty list, `false`, null and a missing name render it; an empty
/// list renders it with the list pushed).
@Suite("Inverted sections")
struct InvertedSectionTests {
  static let cases: [TemplateCase] = [
    TemplateCase(
      "false renders", "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": false],
      expect: "\"This should be rendered.\""),
    TemplateCase("true does not", "\"{{^boolean}}Not rendered.{{/boolean}}\"", data: ["boolean": true], expect: "\"\""),
    TemplateCase(
      "an object does not", "\"{{^context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": "Joe"]],
      expect: "\"\""),
    TemplateCase(
      "a list does not", "\"{{^list}}{{n}}{{/list}}\"", data: ["list": [["n": 1], ["n": 2], ["n": 3]]],
      expect: "\"\""),
    TemplateCase(
      "an empty list renders", "\"{{^list}}Yay lists!{{/list}}\"", data: ["list": []], expect: "\"Yay lists!\""),
    TemplateCase("null renders", "[{{^n}}null{{/n}}]", data: ["n": .null], expect: "[null]"),
    TemplateCase(
      "missing renders", "[{{^missing}}Cannot find key 'missing'!{{/missing}}]", expect: "[Cannot find key 'missing'!]"),
    TemplateCase("an empty text does not", "[{{^e}}empty{{/e}}]", data: ["e": ""], expect: "[]"),
    TemplateCase("zero does not", "[{{^n}}zero{{/n}}]", data: ["n": 0], expect: "[]"),
    TemplateCase("a double does not", "[{{^d}}zero{{/d}}]", data: ["d": 0.0], expect: "[]"),
    TemplateCase("an empty object does not", "[{{^o}}empty{{/o}}]", data: ["o": [:]], expect: "[]"),
    TemplateCase(
      "an empty list is pushed", "{{#o}}{{^list}}{{#.}}object{{/.}}{{^.}}list{{/.}}{{/list}}{{/o}}",
      data: ["o": ["x": 1], "list": []], expect: "list"),
    TemplateCase(
      "false pushes nothing", "{{#name}}{{^flag}}[{{.}}]{{/flag}}{{/name}}", data: ["name": "N", "flag": false],
      expect: "[N]"),
    TemplateCase(
      "two inverted sections", "{{^bool}}\n* first\n{{/bool}}\n* {{two}}\n{{^bool}}\n* third\n{{/bool}}\n",
      data: ["bool": false, "two": "second"], expect: "* first\n* second\n* third\n"),
    TemplateCase(
      "nested, false", "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": false],
      expect: "| A B C D E |"),
    TemplateCase(
      "nested, true", "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": true], expect: "| A  E |"),
    TemplateCase(
      "dotted name, true", "\"{{^a.b.c}}Not Here{{/a.b.c}}\"", data: ["a": ["b": ["c": true]]], expect: "\"\""),
    TemplateCase(
      "dotted name, false", "\"{{^a.b.c}}Not Here{{/a.b.c}}\"", data: ["a": ["b": ["c": false]]],
      expect: "\"Not Here\""),
    TemplateCase(
      "dotted name, broken chain", "\"{{^a.b.c}}Not Here{{/a.b.c}}\"", data: ["a": [:]], expect: "\"Not Here\""),
    TemplateCase(
      "section and inverted section of one name", "{{#a}}yes{{/a}}{{^a}}no{{/a}}", data: ["a": false], expect: "no"),
    TemplateCase(
      "surrounding whitespace", " | {{^boolean}}\t|\t{{/boolean}} | \n", data: ["boolean": false],
      expect: " | \t|\t | \n"),
    TemplateCase(
      "internal whitespace", " | {{^boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n",
      data: ["boolean": false], expect: " |  \n  | \n"),
    TemplateCase(
      "indented inline sections", " {{^boolean}}NO{{/boolean}}\n {{^boolean}}WAY{{/boolean}}\n",
      data: ["boolean": false], expect: " NO\n WAY\n"),
    TemplateCase(
      "standalone lines", "| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n", data: ["boolean": false],
      expect: "| This Is\n|\n| A Line\n"),
    TemplateCase(
      "indented standalone lines", "| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n",
      data: ["boolean": false], expect: "| This Is\n|\n| A Line\n"),
    TemplateCase(
      "standalone \\r\\n lines", "|\r\n{{^boolean}}\r\n{{/boolean}}\r\n|", data: ["boolean": false], expect: "|\r\n|"),
    TemplateCase(
      "standalone without previous line", "  {{^boolean}}\n^{{/boolean}}\n/", data: ["boolean": false],
      expect: "^\n/"),
    TemplateCase(
      "standalone without newline", "^{{^boolean}}\n/\n  {{/boolean}}", data: ["boolean": false], expect: "^\n/\n"),
    TemplateCase("padding", "|{{^ boolean }}={{/ boolean }}|", data: ["boolean": false], expect: "|=|"),
  ]

  @Test("inverted sections", arguments: cases)
  func invertedSection(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }
}
