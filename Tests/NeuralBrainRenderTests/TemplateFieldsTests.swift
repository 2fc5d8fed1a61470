import NeuralBrainCore
import Testing

@testable import NeuralBrainRender

@Suite("Template fields")
struct TemplateFieldsTests {
  /// A text form of a template value that reads a struct through `Mirror` and a converted
  /// dictionary by key, so the two spellings of one view compare equal when they agree.
  static func canonical(_ value: Any) -> String {
    if let dictionary = value as? [String: Any] {
      return "{" + dictionary.keys.sorted().map { "\($0): \(canonical(dictionary[$0]!))" }.joined(separator: ", ") + "}"
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct?:
      var fields: [String] = []
      for child in mirror.children.sorted(by: { ($0.label ?? "") < ($1.label ?? "") }) {
        let inner = Mirror(reflecting: child.value)
        if inner.displayStyle == .optional {
          guard let wrapped = inner.children.first?.value else { continue }
          fields.append("\(child.label ?? ""): \(canonical(wrapped))")
        } else {
          fields.append("\(child.label ?? ""): \(canonical(child.value))")
        }
      }
      return "{" + fields.joined(separator: ", ") + "}"
    case .collection?:
      return "[" + mirror.children.map { canonical($0.value) }.joined(separator: ", ") + "]"
    default:
      return "\(type(of: value) == Bool.self ? "bool " : "")\(value)"
    }
  }

  static let builder = PageBuilder(
    content: SiteFixtures.content(), ids: ["alpha-county", "beta-province", "gamma-city"])

  @Test("a region page's views list the fields reflection finds, nil optionals left out")
  func regionView() throws {
    let forecast = try #require(SiteFixtures.content().forecasts.first)
    var view = Self.builder.region(forecast, id: "alpha-county")
    #expect(Self.canonical(TemplateValue.make(view)) == Self.canonical(view))
    view.site.sourceLink = "https://example.org/data?x=1&y=2"
    view.site.sourceLicense = nil
    view.derived.append(PageViews.Fact(label: "Linked", value: "1", link: "https://example.org"))
    view.charts[0].downloadHref = nil
    #expect(Self.canonical(TemplateValue.make(view)) == Self.canonical(view))
    #expect(Self.canonical(TemplateValue.make(view)).contains("sourceLink: https://example.org/data?x=1&y=2"))
    #expect(!Self.canonical(TemplateValue.make(view)).contains("sourceLicense"))
  }

  @Test("a page key's text of the site header changes when any of its fields does")
  func keyText() throws {
    let forecast = try #require(SiteFixtures.content().forecasts.first)
    let site = Self.builder.regionSite(forecast, id: "alpha-county")
    let changes: [(inout PageViews.Site) -> Void] = [
      { $0.title += "x" }, { $0.notes.append("n") }, { $0.isStale.toggle() }, { $0.generatedAt += "\n" },
      { $0.sourceLink = $0.sourceLink == nil ? "" : nil }, { $0.runID = "other" },
    ]
    let texts = Set(
      [SiteRenderer.keyText(site)]
        + changes.map { change in
          var changed = site
          change(&changed)
          return SiteRenderer.keyText(changed)
        })
    #expect(texts.count == changes.count + 1)
    #expect(SiteRenderer.keyText(site) == SiteRenderer.keyText(Self.builder.regionSite(forecast, id: "alpha-county")))
  }

  @Test("the overview's rows list the fields reflection finds", arguments: IndexOrder.allCases)
  func indexView(order: IndexOrder) {
    let view = Self.builder.index(order: order, rows: Self.builder.indexRows())
    #expect(!view.regions.isEmpty)
    #expect(view.regions.contains { $0.letterAnchor != nil } == (order == .name))
    #expect(Self.canonical(TemplateValue.make(view)) == Self.canonical(view))
  }
}
