import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainRender

@Suite("JSON API and CSV")
struct APIOutputTests {
  @Test("a region's JSON matches its golden file")
  func regionGolden() throws {
    let files = try SiteFixtures.files(SiteFixtures.content())
    try Golden.check(try #require(files["api/v1/forecasts/region/al.json"]), named: "region-al.json")
  }

  @Test("hub.csv has the hubverse header and one row per region, metric, horizon and quantile")
  func hubCSV() throws {
    let content = SiteFixtures.content()
    let csv = try #require(try SiteFixtures.files(content)["api/v1/forecasts/hub.csv"])
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.first == "reference_date,target,horizon,target_end_date,location,output_type,output_type_id,value")
    #expect(lines.count - 1 == 3 * 2 * 4 * 23)
    #expect(lines.contains("2026-11-28,wk inc cases,0,2026-11-28,AL,quantile,0.025,634.25"))
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 8 })
  }

  @Test("a location code with a comma is quoted in hub.csv")
  func csvQuoting() throws {
    var content = SiteFixtures.content()
    content.forecasts[0].regionCode = "US,\"CA\""
    let csv = try #require(try SiteFixtures.files(content)["api/v1/forecasts/hub.csv"])
    #expect(csv.contains(",\"US,\"\"CA\"\"\",quantile,"))
  }

  @Test("a non-finite quantile is refused with the region named")
  func nonFinite() throws {
    var content = SiteFixtures.content()
    content.forecasts[2].metrics[0].horizons[0].quantiles[3] = .nan
    do {
      _ = try SiteFixtures.renderer().render(content)
      Issue.record("expected an error")
    } catch let error as RenderError {
      guard case .nonFiniteValue = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(error.exitStatus == .dataError)
    }
  }

  @Test("status.json carries the run facts in snake_case")
  func status() throws {
    let text = try #require(try SiteFixtures.files(SiteFixtures.content())["api/v1/status.json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    for key in [
      "run_id", "generated_at", "provider", "model", "fallback_used", "data_as_of", "is_synthetic",
      "is_stale", "region_count", "notes", "schema_version", "license", "source",
    ] {
      #expect(object[key] != nil, "status.json lacks \(key)")
    }
    #expect(object["region_count"] as? Int == 3)
    #expect(object["generated_at"] as? String == "2026-11-29T01:00:00Z")
  }

  @Test("the JSON Schema names exactly the members a region document has")
  func schemaMatchesDocument() throws {
    let files = try SiteFixtures.files(SiteFixtures.content())
    let schemaText = try #require(files["api/v1/schema/forecast-data.json"])
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any])
    let properties = try #require(schema["properties"] as? [String: Any])
    let documentText = try #require(files["api/v1/forecasts/region/al.json"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(documentText.utf8)) as? [String: Any])
    #expect(
      Set(document.keys).subtracting(["forecasted_deaths"]) == Set(properties.keys).subtracting(["forecasted_deaths"]))
    let required = try #require(schema["required"] as? [String])
    #expect(Set(required).isSubset(of: Set(document.keys)))
    #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
  }

  @Test("the data package describes hub.csv and licenses it CC-BY-4.0")
  func dataPackage() throws {
    let text = try #require(try SiteFixtures.files(SiteFixtures.content())["api/v1/datapackage.json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let resources = try #require(object["resources"] as? [[String: Any]])
    let hub = try #require(resources.first { $0["path"] as? String == "forecasts/hub.csv" })
    #expect(hub["profile"] as? String == "tabular-data-resource")
    let licenses = try #require(object["licenses"] as? [[String: Any]])
    #expect(licenses.first?["name"] as? String == "CC-BY-4.0")
  }

  @Test("the summary gives each region's next-period median and 95% interval")
  func summary() throws {
    let text = try #require(try SiteFixtures.files(SiteFixtures.content())["api/v1/predictions/summary.json"])
    #expect(text.contains("\"region_id\":\"al\""))
    #expect(text.contains("\"lower95\":634.25"))
    #expect(text.contains("\"target_end_date\":\"2026-11-28\""))
  }

  @Test(
    "CSV text fields are quoted and neutralised for spreadsheets (OWASP)",
    arguments: [
      ("Texas", "Texas"),
      ("US-TX", "US-TX"),
      ("Korea, South", "\"Korea, South\""),
      ("=HYPERLINK(\"http://evil.example/\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\""),
      ("+1+2", "'+1+2"),
      ("-1+2", "'-1+2"),
      ("@SUM(1+1)", "'@SUM(1+1)"),
      ("\tcmd", "'\tcmd"),
      ("\rcmd", "\"'\rcmd\""),
    ])
  func csvInjection(text: String, expected: String) {
    #expect(Markup.csvField(text) == expected)
  }
}
