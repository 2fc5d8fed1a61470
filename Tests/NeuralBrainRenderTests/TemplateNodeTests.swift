import Mustache
import Testing

@testable import NeuralBrainRender

/// Templates render the same text from `TemplateNode` trees as from the dictionaries they wrap,
/// transforms included (issue 14: the nodes exist only to make lookups cheaper).
@Suite("Template nodes")
struct TemplateNodeTests {
  static var model: [String: Any] {
    [
      "name": "Ålborg <North> & \"South\"", "empty": "", "count": 3, "zero": 0, "flag": true, "no": false,
      "ratio": 0.25, "tags": ["b", "a", "c"],
      "rows": [["x": "1", "n": 1], ["x": "<2>", "n": 2]] as [[String: Any]],
      "site": ["root": "../", "ranks": ["risk": 2]] as [String: Any],
    ]
  }

  static let templates = [
    "{{name}}|{{{name}}}",
    "{{uppercased(name)}} {{lowercased(name)}} {{reversed(name)}}",
    "{{#empty}}e{{/empty}}{{^empty}}n{{/empty}}{{#empty(empty)}}E{{/empty(empty)}}",
    "{{count}} {{plusone(count)}} {{minusone(count)}}",
    "{{#equalzero(zero)}}z{{/equalzero(zero)}}{{#odd(count)}}o{{/odd(count)}}{{#zero}}0{{/zero}}",
    "{{#flag}}f{{/flag}}{{^no}}n{{/no}}{{flag}}",
    "{{ratio}}",
    "{{#sorted(tags)}}{{.}}{{/sorted(tags)}} {{count(tags)}}",
    "{{#rows}}{{x}}:{{n}}:{{site.root}}{{#first()}}F{{/first()}};{{/rows}}",
    "{{count(rows)}} {{#first(rows)}}{{x}}{{/first(rows)}} {{#last(rows)}}{{x}}{{/last(rows)}}",
    "{{#reversed(rows)}}{{x}}{{/reversed(rows)}}{{^empty(rows)}}!{{/empty(rows)}}",
    "{{site.ranks.risk}} {{#site}}{{root}}{{ranks.risk}}{{/site}}",
    "{{#name}}[{{.}}]{{/name}}",
    "{{missing}}{{^missing}}m{{/missing}}{{site.missing}}",
    "{{count(site)}} {{#site.ranks}}{{risk}}{{/site.ranks}}",
    "{{#name}}{{name}}/{{count}}/{{site.root}}{{/name}} {{#count}}{{count}}{{name}}{{/count}}",
    "[{{name.text}}{{#name}}{{text}}{{/name}}{{count.value}}{{#count}}{{value}}{{/count}}]",
  ]

  @Test("a template renders the same text from the nodes as from the dictionaries", arguments: templates)
  func sameText(template: String) throws {
    let parsed = try MustacheTemplate(string: MarkupContentType.pragma + template)
    let expected = parsed.render(Self.model)
    #expect(!expected.isEmpty)
    #expect(parsed.render(TemplateNode.wrap(Self.model)) == expected)
  }
}
