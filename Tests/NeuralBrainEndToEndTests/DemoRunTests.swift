import Foundation
import NeuralBrainCore
import NeuralBrainMarkup
import NeuralBrainTestSupport
import Testing

/// `neuralbrain run` on the embedded defaults, run as a real process into a temporary directory.
@Suite("neuralbrain run on the demo defaults")
struct DemoRunTests {
  static let now = "2026-11-29T06:00:00Z"

  /// Runs the demo into a fresh directory and returns it.
  static func publish(_ extra: [String] = []) async throws -> (TemporaryDirectory, ChildProcess.Result) {
    let directory = try TemporaryDirectory()
    let result = try await NeuralBrainExecutable.run(
      [
        "run", "--output", directory.url.appendingPathComponent("output").path,
        "--state-dir", directory.url.appendingPathComponent("state").path, "--now", now,
      ] + extra)
    return (directory, result)
  }

  static func site(_ directory: TemporaryDirectory) -> URL {
    directory.url.appendingPathComponent("output/current")
  }

  static func document(_ url: URL, _ kind: MarkupDocument.Kind) throws -> MarkupDocument {
    try MarkupDocument(bytes: Array(try Data(contentsOf: url)), kind: kind, name: url.lastPathComponent)
  }

  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }

  @Test("publishes 20 region pages, each with a fan chart and a table, linked from the index")
  func regionPages() async throws {
    let (directory, result) = try await Self.publish()
    #expect(result.status == 0, "stderr: \(result.standardError)")
    #expect(result.standardOutput.contains("published 20 regions with local"))
    let site = Self.site(directory)
    let index = try Self.document(site.appendingPathComponent("index.html"), .html)
    let links = Set(index.strings("//a[starts-with(@href, 'region/')]/@href"))
    #expect(links.count == 20)
    for link in links {
      let page = try Self.document(site.appendingPathComponent(link), .html)
      #expect(page.count("//svg[@role='img']/title") >= 1, "\(link) has no titled chart")
      #expect(page.count("//svg[@role='img']/desc") >= 1, "\(link) has no chart description")
      #expect(page.count("//svg[@role='img']//path") >= 3, "\(link) chart lacks bands and median")
      #expect(page.count("//table//tr") >= 5, "\(link) has no forecast table")
      #expect(page.strings("//body").first?.contains("Synthetic") == true, "\(link) is not labelled synthetic")
    }
  }

  @Test("the first run's evaluation page already has local's relative WIS against the flat baseline, per metric")
  func recentBacktest() async throws {
    let (directory, result) = try await Self.publish()
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let page = try Self.document(Self.site(directory).appendingPathComponent("evaluation.html"), .html)
    for metric in ["cases", "deaths"] {
      let cells = page.strings(
        "(//table)[1]//tr[th[normalize-space()='recent backtest: local-ensemble-v3 · \(metric)']]/td[last()]")
      let relative = try #require(cells.first.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }, "\(metric)")
      #expect(relative > 0 && relative < 1, "\(metric): relative WIS \(relative)")
      #expect(page.count("(//table)[1]//tr[th[normalize-space()='recent backtest: flat baseline · \(metric)']]") == 1)
      // Over time: the baseline at each of the four replayed origins, relative WIS 1 by definition.
      let overTime = page.strings(
        "(//table)[2]//tr[th[normalize-space()='recent backtest: flat baseline · \(metric)']]/td[4]")
      #expect(overTime == ["1.00", "1.00", "1.00", "1.00"], "\(metric): \(overTime)")
    }
  }

  @Test("the JSON API decodes into the ForecastData schema with every seed field")
  func jsonAPI() async throws {
    let (directory, result) = try await Self.publish()
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let api = Self.site(directory).appendingPathComponent("api/v1")
    let regions = try JSONSerialization.jsonObject(with: Data(contentsOf: api.appendingPathComponent("regions.json")))
    let regionCount = ((regions as? [String: Any])?["regions"] as? [Any])?.count ?? (regions as? [Any])?.count
    #expect(regionCount == 20)
    let files = try FileManager.default.contentsOfDirectory(atPath: api.appendingPathComponent("forecasts/region").path)
      .filter { $0.hasSuffix(".json") }
    #expect(files.count == 20)
    for file in files {
      let data = try Data(contentsOf: api.appendingPathComponent("forecasts/region/\(file)"))
      let forecast = try Self.decoder().decode(ForecastData.self, from: data)
      #expect(forecast.provider == "local")
      #expect(forecast.isSynthetic)
      #expect(forecast.actualCases != nil && forecast.actualDeaths != nil)
      #expect(forecast.forecastedCases?.count == 28)
      #expect((0...1).contains(forecast.confidenceScore) && (0...100).contains(forecast.riskScore))
      #expect(forecast.metrics.allSatisfy { $0.horizons.allSatisfy { $0.quantiles.count == 23 } })
      #expect(file == forecast.regionID + ".json")
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      for key in [
        "region", "actual_cases", "actual_deaths", "forecasted_cases", "forecasted_deaths", "confidence_score",
        "risk_level", "risk_score", "outbreak_probability", "trend", "timestamp", "provider", "model",
        "data_as_of", "run_id", "schema_version", "is_synthetic", "region_id",
      ] {
        #expect(object[key] != nil, "\(file) lacks \(key)")
      }
    }
    for path in ["forecasts/global.json", "predictions/summary.json", "status.json"] {
      #expect(
        try JSONSerialization.jsonObject(with: Data(contentsOf: api.appendingPathComponent(path))) is [String: Any])
    }
    let hub = try String(contentsOf: api.appendingPathComponent("forecasts/hub.csv"), encoding: .utf8)
    let lines = hub.split(separator: "\n").map(String.init)
    let header = "reference_date,target,horizon,target_end_date,location,output_type,output_type_id,value"
    // Daily data: the next day and one day per week ahead; every day is in the region documents.
    let expectedRows = 1 + 20 * 2 * 5 * 23
    #expect(lines.first == header)
    #expect(lines.count == expectedRows)
    #expect(Set(lines.dropFirst().map { $0.split(separator: ",")[2] }) == ["1", "7", "14", "21", "28"])
  }

  @Test("two runs with the same clock and seed publish byte-identical trees")
  func deterministic() async throws {
    let (first, a) = try await Self.publish()
    let (second, b) = try await Self.publish()
    try #require(a.status == 0 && b.status == 0)
    let left = try SiteTree.files(in: Self.site(first))
    let right = try SiteTree.files(in: Self.site(second))
    #expect(left.count > 60)
    #expect(left.keys.sorted() == right.keys.sorted())
    for (path, data) in left { #expect(right[path] == data, "\(path) differs between runs") }
  }

  @Test("a different seed gives different data")
  func seedMatters() async throws {
    let (first, a) = try await Self.publish(["--regions", "3"])
    let (second, b) = try await Self.publish(["--regions", "3", "--seed", "7"])
    try #require(a.status == 0 && b.status == 0)
    let left = try SiteTree.files(in: Self.site(first))["api/v1/forecasts/hub.csv"]
    let right = try SiteTree.files(in: Self.site(second))["api/v1/forecasts/hub.csv"]
    #expect(left != nil && left != right)
  }

  @Test("the published chart and region JSON match the golden files")
  func golden() async throws {
    let (directory, result) = try await Self.publish(["--regions", "2", "--steps", "7"])
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let api = Self.site(directory).appendingPathComponent("api/v1")
    let id = try #require(
      try FileManager.default.contentsOfDirectory(atPath: api.appendingPathComponent("charts").path).sorted().first)
    try Golden.assert(try Data(contentsOf: api.appendingPathComponent("charts/\(id)")), named: "demo-chart.svg")
    let json = id.replacingOccurrences(of: ".svg", with: ".json")
    try Golden.assert(
      try Data(contentsOf: api.appendingPathComponent("forecasts/region/\(json)")), named: "demo-region.json")
  }

  @Test("usage errors exit 64 and name the option")
  func usage() async throws {
    let result = try await NeuralBrainExecutable.run(["run", "--regions", "0"])
    #expect(result.status == 64)
    #expect(result.standardError.contains("--regions"))
  }
}

/// Byte-for-byte comparison with files in Tests/NeuralBrainEndToEndTests/Golden;
/// `RECORD_GOLDEN=1` rewrites them.
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static func assert(_ data: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" || !FileManager.default.fileExists(atPath: url.path)
    {
      try data.write(to: url)
      if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != "1" {
        Issue.record("recorded missing golden file \(name); review and commit it", sourceLocation: sourceLocation)
      }
      return
    }
    let expected = try Data(contentsOf: url)
    #expect(
      data == expected, "\(name) differs from its golden file (RECORD_GOLDEN=1 re-records)",
      sourceLocation: sourceLocation)
  }
}
