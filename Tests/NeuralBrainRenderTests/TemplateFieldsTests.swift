import NeuralBrainCore
import NeuralBrainTemplates
import Testing

@testable import NeuralBrainRender

@Suite("Template fields")
struct TemplateFieldsTests {
  /// `value` as `TemplateValue.reflect` reads it, all the way down: through `Mirror` only, never
  /// through a view's own `templateFields`.
  static func reflected(_ value: Any) -> TemplateData {
    switch value {
    case let text as String: return .text(text)
    case let flag as Bool: return .bool(flag)
    case let number as Int: return .integer(number)
    case let number as Double: return .double(number)
    case let fields as [String: Any]: return .object(fields.mapValues(reflected))
    default: break
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct?:
      var fields: [String: TemplateData] = [:]
      for child in mirror.children {
        guard let label = child.label else { continue }
        let inner = Mirror(reflecting: child.value)
        if inner.displayStyle == .optional {
          guard let wrapped = inner.children.first?.value else { continue }
          fields[label] = reflected(wrapped)
        } else {
          fields[label] = reflected(child.value)
        }
      }
      return .object(fields)
    case .collection?:
      return .list(mirror.children.map { reflected($0.value) })
    default:
      return .text("\(value)")
    }
  }

  static let builder = PageBuilder(
    content: SiteFixtures.content(), ids: ["alpha-county", "beta-province", "gamma-city"])

  @Test("a region page's views list the fields reflection finds, nil optionals left out")
  func regionView() throws {
    let forecast = try #require(SiteFixtures.content().forecasts.first)
    var view = Self.builder.region(forecast, id: "alpha-county")
    #expect(TemplateValue.make(view) == Self.reflected(view))
    view.site.sourceLink = "https://example.org/data?x=1&y=2"
    view.site.sourceLicense = nil
    view.derived.append(PageViews.Fact(label: "Linked", value: "1", link: "https://example.org"))
    view.charts[0].downloadHref = nil
    #expect(TemplateValue.make(view) == Self.reflected(view))
    guard case .object(let fields) = TemplateValue.make(view), case .object(let site)? = fields["site"] else {
      Issue.record("the region view is not an object with a site")
      return
    }
    #expect(site["sourceLink"] == .text("https://example.org/data?x=1&y=2"))
    #expect(site["sourceLicense"] == nil)
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
    #expect(TemplateValue.make(view) == Self.reflected(view))
  }
}
