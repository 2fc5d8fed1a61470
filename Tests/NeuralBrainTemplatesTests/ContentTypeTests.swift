import NeuralBrainTemplates
import Testing

/// `{{% CONTENT_TYPE: NAME }}`: which escaper `{{name}}` uses, from the pragma to the end of the
/// template or section it is in; a partial starts again with the library's default.
@Suite("Content types")
struct ContentTypeTests {
  static let data: TemplateData = ["x": "<&>", "flag": true, "n": 1]

  static let cases: [TemplateCase] = [
    TemplateCase("the default escapes", "{{x}}|{{{x}}}|{{&x}}", data: data, expect: "&lt;&amp;&gt;|<&>|<&>"),
    TemplateCase("a pragma line switches and goes", "{{% CONTENT_TYPE: TEXT }}\n{{x}}\n", data: data, expect: "<&>\n"),
    TemplateCase(
      "from the pragma on", "{{x}}{{%CONTENT_TYPE:TEXT}}{{x}}{{%CONTENT_TYPE:XHTML}}{{x}}", data: data,
      expect: "&lt;&amp;&gt;<&>&lt;&amp;&gt;"),
    TemplateCase(
      "into the sections after it", "{{%CONTENT_TYPE:TEXT}}{{#flag}}{{x}}{{/flag}}{{^missing}}{{x}}{{/missing}}",
      data: data, expect: "<&><&>"),
    TemplateCase(
      "a pragma in a section ends with it", "{{#flag}}{{%CONTENT_TYPE:TEXT}}{{x}}{{/flag}}{{x}}", data: data,
      expect: "<&>&lt;&amp;&gt;"),
    TemplateCase(
      "a partial starts with the default", "{{%CONTENT_TYPE:TEXT}}{{x}}{{>p}}{{x}}", data: data,
      partials: ["p": "{{x}}"],
      expect: "<&>&lt;&amp;&gt;<&>"),
    TemplateCase(
      "a partial's pragma stays in it", "{{>p}}{{x}}", data: data, partials: ["p": "{{%CONTENT_TYPE:TEXT}}{{x}}"],
      expect: "<&>&lt;&amp;&gt;"),
    TemplateCase(
      "numbers and booleans go through the escaper too", "{{n}}{{flag}}{{%CONTENT_TYPE:TEXT}}{{n}}", data: data,
      expect: "1true1"),
    TemplateCase(
      "as the site's e-mail text starts", "{{% CONTENT_TYPE: TEXT }}\n{{x}}\n{{#flag}}\n- {{x}}\n{{/flag}}\n",
      data: data, expect: "<&>\n- <&>\n"),
  ]

  @Test("content types", arguments: cases)
  func contentType(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }

  @Test("every text a tag writes goes through the escaper of its content type")
  func escaperReceivesEveryValue() throws {
    let bracketed: TemplateEscaper = { text, output in output.append(contentsOf: "[\(text)]".utf8) }
    let library = try TemplateLibrary(
      templates: [
        "main": "{{a}} {{b}} {{c}} {{d}} {{{a}}} {{&b}} {{e}}{{f}}{{g}}", "plain": "{{%CONTENT_TYPE:RAW}}{{a}}",
      ],
      contentTypes: ["BRACKETS": bracketed, "RAW": TemplateLibrary.plainText], defaultContentType: "BRACKETS")
    let data: TemplateData = ["a": "x", "b": 2, "c": 0.5, "d": false, "e": .null, "f": ["x"], "g": ["k": "v"]]
    let main = try #require(library.render(data, template: "main"))
    #expect(String(decoding: main, as: UTF8.self) == "[x] [2] [0.5] [false] x 2 ")
    let plain = try #require(library.render(data, template: "plain"))
    #expect(String(decoding: plain, as: UTF8.self) == "x")
  }

  @Test("plain text writes a text unchanged")
  func plainText() {
    var output = Array("a".utf8)
    TemplateLibrary.plainText("<é\u{0}>", &output)
    #expect(output == Array("a<é\u{0}>".utf8))
  }
}
