import NeuralBrainTemplates
import Testing

/// `{{name}}`, `{{{name}}}` and `{{&name}}`: escaping, values of each kind, dotted names and
/// the context stack (the Mustache spec's interpolation module, and swift-mustache's additions).
@Suite("Interpolation")
struct InterpolationTests {
  static let forbidden: TemplateData = ["forbidden": "& \" < >"]
  static let person: TemplateData = ["person": ["name": "Joe"]]

  static let cases: [TemplateCase] = [
    TemplateCase("text without tags", "Hello from {Mustache}!\n", expect: "Hello from {Mustache}!\n"),
    TemplateCase("basic", "Hello, {{subject}}!\n", data: ["subject": "world"], expect: "Hello, world!\n"),
    TemplateCase(
      "escaped through the content type", "These: {{forbidden}}\n", data: forbidden,
      expect: "These: &amp; &quot; &lt; &gt;\n"),
    TemplateCase("apostrophe escaped", "{{x}}", data: ["x": "it's"], expect: "it&#39;s"),
    TemplateCase("triple mustache unescaped", "These: {{{forbidden}}}\n", data: forbidden, expect: "These: & \" < >\n"),
    TemplateCase("ampersand unescaped", "These: {{&forbidden}}\n", data: forbidden, expect: "These: & \" < >\n"),
    TemplateCase("integer", "\"{{mph}} miles an hour!\"", data: ["mph": 85], expect: "\"85 miles an hour!\""),
    TemplateCase("integer, triple", "\"{{{mph}}} miles\"", data: ["mph": 85], expect: "\"85 miles\""),
    TemplateCase("integer, ampersand", "\"{{&mph}} miles\"", data: ["mph": 85], expect: "\"85 miles\""),
    TemplateCase("negative integer", "{{n}} {{{n}}}", data: ["n": -1204], expect: "-1204 -1204"),
    TemplateCase("zero", "{{n}}{{{n}}}", data: ["n": 0], expect: "00"),
    TemplateCase(
      "extreme integers", "{{{min}}} {{max}}", data: ["min": .integer(.min), "max": .integer(.max)],
      expect: "-9223372036854775808 9223372036854775807"),
    TemplateCase("decimal", "\"{{power}} jiggawatts!\"", data: ["power": 1.21], expect: "\"1.21 jiggawatts!\""),
    TemplateCase("decimal, triple", "{{{power}}}", data: ["power": 1.21], expect: "1.21"),
    TemplateCase("decimal, ampersand", "{{&power}}", data: ["power": 1.21], expect: "1.21"),
    TemplateCase(
      "doubles as Swift describes them", "{{a}} {{b}} {{c}} {{d}} {{{e}}}",
      data: ["a": 1.0, "b": 0.25, "c": 1e20, "d": -0.0, "e": 1e-7], expect: "1.0 0.25 1e+20 -0.0 1e-07"),
    TemplateCase("booleans", "{{yes}} {{{no}}}", data: ["yes": true, "no": false], expect: "true false"),
    TemplateCase("null", "[{{nothing}}{{{nothing}}}]", data: ["nothing": .null], expect: "[]"),
    TemplateCase("missing", "I ({{cannot}}) be seen!", expect: "I () be seen!"),
    TemplateCase("missing, triple", "I ({{{cannot}}}) be seen!", expect: "I () be seen!"),
    TemplateCase("missing, ampersand", "I ({{&cannot}}) be seen!", expect: "I () be seen!"),
    TemplateCase(
      "non-ASCII text", "{{name}}|{{{name}}}", data: ["name": "Ålborg ünd 東京 🦠"],
      expect: "Ålborg ünd 東京 🦠|Ålborg ünd 東京 🦠"),
    TemplateCase(
      "dotted name", "\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"", data: person,
      expect: "\"Joe\" == \"Joe\""),
    TemplateCase(
      "dotted name, triple", "\"{{{person.name}}}\" == \"{{#person}}{{{name}}}{{/person}}\"", data: person,
      expect: "\"Joe\" == \"Joe\""),
    TemplateCase(
      "dotted name, ampersand", "\"{{&person.name}}\" == \"{{#person}}{{&name}}{{/person}}\"", data: person,
      expect: "\"Joe\" == \"Joe\""),
    TemplateCase(
      "dotted name, arbitrary depth", "\"{{a.b.c.d.e.name}}\"",
      data: ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]], expect: "\"Phil\""),
    TemplateCase("dotted name, broken chain", "\"{{a.b.c}}\"", data: ["a": [:]], expect: "\"\""),
    TemplateCase(
      "dotted name, broken chain resolution: later parts never climb", "\"{{a.b.c.name}}\"",
      data: ["a": ["b": [:]], "c": ["name": "Jim"]], expect: "\"\""),
    TemplateCase(
      "dotted name, first part climbs", "\"{{#a}}{{b.c.d.e.name}}{{/a}}\"",
      data: [
        "a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]],
        "b": ["c": ["d": ["e": ["name": "Wrong"]]]],
      ], expect: "\"Phil\""),
    TemplateCase(
      "dotted name, context precedence", "{{#a}}{{b.c}}{{/a}}", data: ["a": ["b": [:]], "b": ["c": "ERROR"]],
      expect: ""),
    TemplateCase("dotted name through a text finds nothing", "[{{name.count}}]", data: ["name": "Joe"], expect: "[]"),
    TemplateCase("dotted name through a list finds nothing", "[{{list.a}}]", data: ["list": [["a": 1]]], expect: "[]"),
    TemplateCase("empty components are skipped", "{{a..b}}|{{a.b.}}", data: ["a": ["b": "x"]], expect: "x|x"),
    TemplateCase(
      "a null field counts as missing and the lookup climbs", "{{#inner}}{{name}}{{/inner}}",
      data: ["name": "outer", "inner": ["name": .null]], expect: "outer"),
    TemplateCase(
      "a null field ends a dotted name", "[{{a.b.c}}]", data: ["a": ["b": .null], "b": ["c": "wrong"]],
      expect: "[]"),
    TemplateCase(
      "a leading dot looks only in the current object", "{{#inner}}[{{.name}}|{{name}}|{{.inner.x}}]{{/inner}}",
      data: ["name": "outer", "inner": ["x": 1]], expect: "[|outer|]"),
    TemplateCase(
      "a leading dot with a dotted name", "{{#a}}{{.b.c}}{{/a}}", data: ["a": ["b": ["c": "found"]]], expect: "found"),
    TemplateCase("dots only name the current value", "{{#name}}{{..}}{{/name}}", data: ["name": "N"], expect: "N"),
    TemplateCase("implicit iterator on a text", "{{#a}}{{.}}{{/a}}", data: ["a": "<b>"], expect: "&lt;b&gt;"),
    TemplateCase("surrounding whitespace", "| {{string}} |", data: ["string": "---"], expect: "| --- |"),
    TemplateCase("surrounding whitespace, triple", "| {{{string}}} |", data: ["string": "---"], expect: "| --- |"),
    TemplateCase("surrounding whitespace, ampersand", "| {{&string}} |", data: ["string": "---"], expect: "| --- |"),
    TemplateCase("never standalone", "  {{string}}\n", data: ["string": "---"], expect: "  ---\n"),
    TemplateCase("never standalone, triple", "  {{{string}}}\n", data: ["string": "---"], expect: "  ---\n"),
    TemplateCase("never standalone, ampersand", "  {{&string}}\n", data: ["string": "---"], expect: "  ---\n"),
    TemplateCase("padding", "|{{ string }}|", data: ["string": "---"], expect: "|---|"),
    TemplateCase("padding, triple", "|{{{ string }}}|", data: ["string": "---"], expect: "|---|"),
    TemplateCase("padding, ampersand", "|{{& string }}|", data: ["string": "---"], expect: "|---|"),
    TemplateCase("padding with tabs", "|{{\tstring\t}}|", data: ["string": "---"], expect: "|---|"),
    TemplateCase(
      "names with - _ ? *", "{{a-b}}{{c_d}}{{e?}}{{f*}}", data: ["a-b": 1, "c_d": 2, "e?": 3, "f*": 4], expect: "1234"),
    TemplateCase("lone braces are text", "{ {x} }{ {a", data: ["x": 1], expect: "{ {x} }{ {a"),
    TemplateCase(
      "a value is not parsed as a template", "{{a}}", data: ["a": "{{b}}", "b": "no"], expect: "{{b}}"),
  ]

  @Test("interpolation", arguments: cases)
  func interpolation(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }
}
