import NeuralBrainTemplates
import Testing

/// `{{! … }}`: removed, with the standalone-line rule (the Mustache spec's comments module).
@Suite("Comments")
struct CommentTests {
  static let cases: [TemplateCase] = [
    TemplateCase("inline", "12345{{! Comment Block! }}67890", expect: "1234567890"),
    TemplateCase("multiline", "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", expect: "1234567890\n"),
    TemplateCase("standalone", "Begin.\n{{! Comment Block! }}\nEnd.\n", expect: "Begin.\nEnd.\n"),
    TemplateCase("indented standalone", "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", expect: "Begin.\nEnd.\n"),
    TemplateCase("standalone \\r\\n", "|\r\n{{! Standalone Comment }}\r\n|", expect: "|\r\n|"),
    TemplateCase("standalone without previous line", "  {{! I'm Still Standalone }}\n!", expect: "!"),
    TemplateCase("standalone without newline", "!\n  {{! I'm Still Standalone }}", expect: "!\n"),
    TemplateCase(
      "multiline standalone", "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", expect: "Begin.\nEnd.\n"),
    TemplateCase(
      "indented multiline standalone", "Begin.\n  {{!\n    Something's going on here...\n  }}\nEnd.\n",
      expect: "Begin.\nEnd.\n"),
    TemplateCase("indented inline", "  12 {{! 34 }}\n", expect: "  12 \n"),
    TemplateCase("surrounding whitespace", "12345 {{! Comment Block! }} 67890", expect: "12345  67890"),
    TemplateCase("indentation kept before an inline comment", "  {{! c }} x\n", expect: "   x\n"),
    TemplateCase("two comments on a line are not standalone", "  {{! a }}  {{! b }}\n", expect: "    \n"),
    TemplateCase("tags inside a comment are ignored", "a{{! {{#x {{> p }}b", expect: "ab"),
    TemplateCase("a comment ends at the first closing delimiter", "a{{! {{#x}} }}b", expect: "a }}b"),
    TemplateCase("braces inside a comment", "a{{! } {} }}b", expect: "ab"),
  ]

  @Test("comments", arguments: cases)
  func comment(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }
}
