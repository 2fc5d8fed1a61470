import NeuralBrainTemplates
import Testing

/// swift-mustache's transforms, `{{uppercased(name)}}`, `{{#first(rows)}}`, `{{index()}}`: the same
/// names and results, on texts, lists, objects, integers and the position in a list.
@Suite("Transforms")
struct TransformTests {
  static let model: TemplateData = [
    "name": "hello wORLD, o'neil x1y.z", "empty": "", "accents": "élan ÉCOLE ǆemal ß ﬁsh",
    "tags": ["b", "a", "C", "é"], "numbers": [3, -1, 20], "doubles": [2.5, -0.5, 10.0], "mixed": ["a", 1],
    "flags": [true, false], "none": [], "count": 3, "zero": 0, "negative": -3, "ratio": 0.25, "flag": true,
    "rows": [["x": "1", "n": 1], ["x": "<2>", "n": 2], ["x": "3", "n": 3]],
    "site": ["root": "../", "ranks": ["risk": 2], "nothing": .null],
    "single": ["only": "one"], "hollow": [:],
  ]

  static let cases: [TemplateCase] = [
    TemplateCase("uppercased", "{{uppercased(name)}}", data: model, expect: "HELLO WORLD, O&#39;NEIL X1Y.Z"),
    TemplateCase("lowercased", "{{{lowercased(name)}}}", data: model, expect: "hello world, o'neil x1y.z"),
    TemplateCase("capitalized", "{{{capitalized(name)}}}", data: model, expect: "Hello World, O'neil X1Y.Z"),
    TemplateCase(
      "capitalized beyond ASCII", "{{capitalized(accents)}}", data: model, expect: "Élan École ǅemal Ss Fish"),
    TemplateCase(
      "case mappings beyond ASCII", "{{uppercased(accents)}}|{{lowercased(accents)}}", data: model,
      expect: "ÉLAN ÉCOLE ǄEMAL SS FISH|élan école ǆemal ß ﬁsh"),
    TemplateCase("reversed text", "{{reversed(accents)}}", data: model, expect: "hsﬁ ß lameǆ ELOCÉ nalé"),
    TemplateCase(
      "empty text",
      "{{empty(empty)}} {{empty(name)}}{{#empty(empty)}}E{{/empty(empty)}}{{^empty(name)}}N{{/empty(name)}}",
      data: model, expect: "true falseEN"),
    TemplateCase(
      "chained transforms", "{{reversed(uppercased(empty))}}[{{uppercased(reversed(tags))}}]", data: model, expect: "[]"
    ),
    TemplateCase(
      "text transforms of a pushed text", "{{#tags}}{{uppercased(.)}}{{/tags}}", data: model, expect: "BACÉ"),
    TemplateCase("first and last", "{{first(tags)}}{{last(tags)}}{{first(none)}}", data: model, expect: "bé"),
    TemplateCase(
      "first and last of objects as sections",
      "{{#first(rows)}}{{x}}{{/first(rows)}} {{#last(rows)}}{{x}}{{/last(rows)}}",
      data: model, expect: "1 3"),
    TemplateCase(
      "first of an empty list is false", "{{#first(none)}}x{{/first(none)}}{{^first(none)}}none{{/first(none)}}",
      data: model, expect: "none"),
    TemplateCase("count", "{{count(tags)}} {{count(none)}} {{count(rows)}}", data: model, expect: "4 0 3"),
    TemplateCase(
      "empty list", "{{empty(none)}} {{empty(tags)}}{{#empty(none)}}E{{/empty(none)}}", data: model,
      expect: "true falseE"),
    TemplateCase(
      "reversed list", "{{#reversed(rows)}}{{x}}{{/reversed(rows)}}{{^empty(rows)}}!{{/empty(rows)}}", data: model,
      expect: "3&lt;2&gt;1!"),
    TemplateCase("sorted texts", "{{#sorted(tags)}}{{.}}{{/sorted(tags)}}", data: model, expect: "Cabé"),
    TemplateCase("sorted integers", "{{#sorted(numbers)}}{{.}},{{/sorted(numbers)}}", data: model, expect: "-1,3,20,"),
    TemplateCase(
      "sorted doubles", "{{#sorted(doubles)}}{{.}},{{/sorted(doubles)}}", data: model, expect: "-0.5,2.5,10.0,"),
    TemplateCase(
      "sorted mixed lists, objects and booleans are nothing",
      "[{{#sorted(mixed)}}x{{/sorted(mixed)}}{{#sorted(rows)}}x{{/sorted(rows)}}{{#sorted(flags)}}x{{/sorted(flags)}}]",
      data: model, expect: "[]"),
    TemplateCase(
      "reversed sorted", "{{#reversed(sorted(tags))}}{{.}}{{/reversed(sorted(tags))}}", data: model, expect: "ébaC"),
    TemplateCase("first of sorted", "{{first(sorted(numbers))}} {{last(reversed(tags))}}", data: model, expect: "-1 b"),
    TemplateCase("count of an object", "{{count(site)}} {{count(hollow)}}", data: model, expect: "2 0"),
    TemplateCase("empty object", "{{empty(hollow)}} {{empty(site)}}", data: model, expect: "true false"),
    TemplateCase(
      "sorted object: key and value",
      "{{#sorted(site)}}{{key}}={{#value}}{{risk}}{{/value}}{{^value.risk}}{{value}}{{/value.risk}};{{/sorted(site)}}",
      data: model, expect: "ranks=2;root=../;"),
    TemplateCase(
      "enumerated object: key and value", "{{#enumerated(single)}}{{key}}={{value}}{{/enumerated(single)}}",
      data: model, expect: "only=one"),
    TemplateCase("count of sorted object", "{{count(sorted(site))}}", data: model, expect: "2"),
    TemplateCase(
      "integers", "{{plusone(count)}} {{minusone(count)}} {{minusone(zero)}} {{plusone(negative)}}", data: model,
      expect: "4 2 -1 -2"),
    TemplateCase(
      "integer tests",
      "{{equalzero(zero)}}{{equalzero(count)}} {{even(count)}}{{odd(count)}} {{odd(negative)}}{{even(zero)}}",
      data: model, expect: "truefalse falsetrue truetrue"),
    TemplateCase(
      "integer tests as sections",
      "{{#equalzero(zero)}}z{{/equalzero(zero)}}{{#odd(count)}}o{{/odd(count)}}{{^even(count)}}!e{{/even(count)}}",
      data: model, expect: "zo!e"),
    TemplateCase("plusone of plusone", "{{plusone(plusone(count))}}", data: model, expect: "5"),
    TemplateCase(
      "a transform that does not apply is nothing",
      "[{{plusone(ratio)}}{{uppercased(count)}}{{count(name)}}{{even(flag)}}{{first(site)}}{{sorted(name)}}]",
      data: model, expect: "[]"),
    TemplateCase(
      "a transform that does not apply is false",
      "{{#plusone(ratio)}}x{{/plusone(ratio)}}{{^plusone(ratio)}}not{{/plusone(ratio)}}", data: model, expect: "not"),
    TemplateCase(
      "an unknown transform is nothing", "[{{shout(name)}}{{#shout(name)}}x{{/shout(name)}}{{UPPERCASED(name)}}]",
      data: model, expect: "[]"),
    TemplateCase("a transform of a missing name is nothing", "[{{uppercased(missing)}}]", data: model, expect: "[]"),
    TemplateCase(
      "a transform of a dotted name", "{{plusone(site.ranks.risk)}}{{#site}}{{uppercased(.root)}}{{/site}}",
      data: model, expect: "3../"),
    TemplateCase(
      "the position in a list",
      "{{#rows}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#even()}}E{{/even()}}{{#odd()}}O{{/odd()}}{{first()}};{{/rows}}",
      data: model, expect: "0FEtrue;1Ofalse;2LEfalse;"),
    TemplateCase(
      "the position transformed", "{{#tags}}{{plusone(index())}}{{^last()}},{{/last()}}{{/tags}}", data: model,
      expect: "1,2,3,4"),
    TemplateCase(
      "the position outside a list is nothing", "[{{index()}}{{#first()}}F{{/first()}}]{{^first()}}none{{/first()}}",
      data: model, expect: "[]none"),
    TemplateCase(
      "the position survives a true section", "{{#rows}}{{#flag}}{{index()}}{{/flag}}{{/rows}}", data: model,
      expect: "012"),
    TemplateCase(
      "the position survives an inverted section rendered for a false value",
      "{{#rows}}{{^missing}}{{index()}}{{/missing}}{{/rows}}", data: model, expect: "012"),
    TemplateCase(
      "an object section ends the position", "{{#rows}}[{{#site}}{{index()}}{{/site}}]{{/rows}}", data: model,
      expect: "[][][]"),
    TemplateCase(
      "a partial ends the position", "{{#rows}}[{{>p}}]{{/rows}}", data: model, partials: ["p": "{{index()}}"],
      expect: "[][][]"),
    TemplateCase(
      "an inner list has its own position", "{{#rows}}{{#tags}}{{index()}}{{/tags}}|{{index()}};{{/rows}}",
      data: model, expect: "0123|0;0123|1;0123|2;"),
    TemplateCase(
      "the position of a transformed list", "{{#reversed(rows)}}{{x}}{{#first()}}F{{/first()}}{{/reversed(rows)}}",
      data: model, expect: "3F&lt;2&gt;1"),
  ]

  @Test("transforms", arguments: cases)
  func transform(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }
}
