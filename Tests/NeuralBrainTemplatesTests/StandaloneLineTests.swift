import NeuralBrainTemplates
import Testing

/// Which lines are standalone and what whitespace is kept, where swift-mustache's parser decides
/// differently from the Mustache spec (these are the rules the site's templates were written for).
@Suite("Standalone lines")
struct StandaloneLineTests {
  static let cases: [TemplateCase] = [
    TemplateCase(
      "spaces and tabs before and after a standalone tag go with the line", " \t{{#a}} \t\nx\n\t {{/a}}\t \n",
      data: ["a": true], expect: "x\n"),
    TemplateCase(
      "a standalone tag at the very end of the template", "x\n  {{! c }}", expect: "x\n"),
    TemplateCase(
      "two tags at the end of the template are not standalone", "x\n  {{#a}}{{/a}}", data: ["a": true],
      expect: "x\n  "),
    TemplateCase(
      "the last line's indentation is dropped when nothing follows it", "a\n  ", expect: "a\n"),
    TemplateCase(
      "a tag followed by spaces at the end of the template is not standalone", "a\n{{! c }}  ", expect: "a\n  "),
    TemplateCase(
      "after an inline section opening, the line after its standalone close is not standalone",
      "x{{#a}}\n{{/a}}\n  {{>p}}\n", data: ["a": true], partials: ["p": "P\nQ"], expect: "x\n  P\nQ\n"),
    TemplateCase(
      "after a standalone section opening, the rest of its close's line counts as a new line",
      "{{#a}}\nx{{/a}}  {{! c }}\ny", data: ["a": true], expect: "xy"),
    TemplateCase("a lone \\r ends a standalone line", "{{#a}}\rX{{/a}}", data: ["a": true], expect: "X"),
    TemplateCase("a line separator ends a standalone line", "{{#a}}\u{2028}X{{/a}}", data: ["a": true], expect: "X"),
    TemplateCase("a lone \\r is text otherwise", "a\rb{{x}}\r", data: ["x": 1], expect: "a\rb1\r"),
    TemplateCase(
      "\\r\\n lines", "{{#a}}\r\n  {{x}}\r\n{{/a}}\r\n{{! c }}\r\nend\r\n", data: ["a": true, "x": 1],
      expect: "  1\r\nend\r\n"),
    TemplateCase(
      "lines after \\r\\n in a standalone partial are not indented", "  {{>p}}\r\n", partials: ["p": "a\r\nb\r\n"],
      expect: "  a\r\nb\r\n"),
    TemplateCase(
      "two standalone tags on one line are not standalone", "{{#a}}{{#a}}\nx\n{{/a}}{{/a}}\n", data: ["a": true],
      expect: "\nx\n\n"),
    TemplateCase(
      "a pragma line is standalone", "a\n  {{% CONTENT_TYPE: TEXT }}  \nb{{x}}\n", data: ["x": "<"], expect: "a\nb<\n"),
    TemplateCase(
      "an inline pragma keeps the line", "a {{%CONTENT_TYPE:TEXT}}{{x}}\n", data: ["x": "<"], expect: "a <\n"),
    TemplateCase(
      "a standalone partial without indentation", "a\n{{>p}}\nb\n", partials: ["p": "1\n2\n"], expect: "a\n1\n2\nb\n"),
    TemplateCase("an empty template", "", expect: ""),
    TemplateCase("only a line break", "\n", expect: "\n"),
    TemplateCase("only a standalone tag", "{{! c }}\n", expect: ""),
  ]

  @Test("standalone lines", arguments: cases)
  func standaloneLine(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }
}
