import NeuralBrainTemplates
import Testing

/// Where this engine deliberately renders differently from swift-mustache (which these cases are
/// therefore not compared with): what swift-mustache does there is a Swift debugging description,
/// a crash, a lost tag or an order that changes from run to run.
@Suite("Deliberate differences from swift-mustache")
struct DeviationTests {
  static let cases: [TemplateCase] = [
    // swift-mustache writes `String(describing:)`: `["a", "b"]`, `["k": 1]`.
    TemplateCase(
      "a list or an object interpolates as nothing", "[{{list}}{{{list}}}{{object}}{{&object}}{{.}}]",
      data: ["list": ["a", "b"], "object": ["k": 1]], expect: "[]"),
    TemplateCase(
      "so does an empty list's inverted section's value", "{{^list}}[{{.}}]{{/list}}", data: ["list": []],
      expect: "[]"),
    // swift-mustache fails to parse a template whose last character is `{` (it reads past the end).
    TemplateCase("a { at the very end is text", "a{", expect: "a{"),
    // swift-mustache drops the `{{` and writes the rest of the tag as text.
    TemplateCase(
      "a tag may start with a line break", "{{\nx}}|{{#\nflag\n}}y{{/flag}}", data: ["x": 1, "flag": true],
      expect: "1|y"),
    // swift-mustache lists the entries in the dictionary's order, which changes from run to run.
    TemplateCase(
      "enumerated lists an object's entries by key", "{{#enumerated(o)}}{{key}}{{value}},{{/enumerated(o)}}",
      data: ["o": ["b": 2, "a": 1, "c": 3, "z": .null]], expect: "a1,b2,c3,"),
    // swift-mustache's entries are tuples, which have no transforms.
    TemplateCase(
      "an entry is an object", "{{#sorted(o)}}{{count(.)}}{{/sorted(o)}}", data: ["o": ["a": 1]], expect: "2"),
    // swift-mustache traps on the overflow.
    TemplateCase(
      "plusone and minusone of the extremes are nothing", "[{{plusone(max)}}{{minusone(min)}}]",
      data: ["max": .integer(.max), "min": .integer(.min)], expect: "[]"),
    // swift-mustache sorts only arrays whose static element type is comparable; an empty `[Any]` is not.
    TemplateCase(
      "sorted of an empty list is an empty list", "{{count(sorted(none))}}", data: ["none": []], expect: "0"),
  ]

  @Test("deliberate differences", arguments: cases)
  func deviation(_ testCase: TemplateCase) throws {
    #expect(try testCase.render() == testCase.expected)
  }
}
