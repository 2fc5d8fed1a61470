import Foundation
import NeuralBrainCore
import NeuralBrainMarkup
import NeuralBrainStore
import NeuralBrainTestSupport
import Testing

/// The real public data in ../shared/data (read in place, never copied), when present.
enum SharedData {
  static let root = PackagePaths.sharedData
  static let flusightTarget = root.appendingPathComponent(
    "flusight/FluSight-forecast-hub/target-data/target-hospital-admissions.csv")
  static let jhuConfirmed = root.appendingPathComponent("covid19/jhu-csse/time_series_covid19_confirmed_global.csv")
  static let jhuDeaths = root.appendingPathComponent("covid19/jhu-csse/time_series_covid19_deaths_global.csv")
  static let jhuLookup = root.appendingPathComponent("covid19/jhu-csse/UID_ISO_FIPS_LookUp_Table.csv")
  static var isAvailable: Bool { FileManager.default.fileExists(atPath: flusightTarget.path) }
}

@Suite("neuralbrain run on real and bad input")
struct RealDataRunTests {
  static func run(_ arguments: [String], in directory: TemporaryDirectory) async throws -> ChildProcess.Result {
    try await NeuralBrainExecutable.run(
      [
        "run", "--output", directory.url.appendingPathComponent("output").path,
        "--state-dir", directory.url.appendingPathComponent("state").path,
      ] + arguments)
  }

  @Test(
    "FluSight target data publish a page per location with weekly forecasts",
    .enabled(if: SharedData.isAvailable, "../shared/data is absent: skipping the FluSight run"))
  func hub() async throws {
    let directory = try TemporaryDirectory()
    let result = try await Self.run(
      ["--source", "hub", "--input", SharedData.flusightTarget.path, "--now", "2026-07-01T06:00:00Z"], in: directory)
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let site = directory.url.appendingPathComponent("output/current")
    let pages = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("region").path)
      .filter { $0.hasSuffix(".html") }
    #expect(pages.count == 53)
    let data = try Data(contentsOf: site.appendingPathComponent("api/v1/forecasts/region/06.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["region"] as? String == "California")
    #expect(object["is_synthetic"] as? Bool == false)
    let metrics = try #require(object["metrics"] as? [[String: Any]])
    let horizons = try #require(metrics.first?["horizons"] as? [[String: Any]])
    #expect(horizons.compactMap { $0["horizon"] as? Int } == [0, 1, 2, 3])
    #expect(metrics.first?["frequency"] as? String == "weekly")
    let hub = try String(contentsOf: site.appendingPathComponent("api/v1/forecasts/hub.csv"), encoding: .utf8)
    let rows = hub.split(separator: "\n")
    #expect(rows.count == 1 + 53 * 4 * 23)
    #expect(metrics.first?["target"] as? String == "wk inc flu hosp")
    // The hub's own format rules (FluSight hub-config): its target name, reference dates on
    // Saturdays, horizons 0–3 ending 7 days apart, the 23 quantile levels, non-negative values.
    #expect(rows.first == "reference_date,target,horizon,target_end_date,location,output_type,output_type_id,value")
    let levels: Set<String> = [
      "0.01", "0.025", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3", "0.35", "0.4", "0.45", "0.5", "0.55", "0.6",
      "0.65", "0.7", "0.75", "0.8", "0.85", "0.9", "0.95", "0.975", "0.99",
    ]
    for row in rows.dropFirst() {
      let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      #expect(cells.count == 8, "\(row)")
      guard cells.count == 8, let reference = Day(iso: cells[0]), let end = Day(iso: cells[3]),
        let horizon = Int(cells[2]), let value = Double(cells[7])
      else {
        Issue.record("unparsable hub row: \(row)")
        continue
      }
      #expect(cells[1] == "wk inc flu hosp")
      #expect(reference.weekday == 6, "reference date \(reference.iso) is not a Saturday")
      #expect((0...3).contains(horizon))
      #expect(end == reference.adding(days: 7 * horizon))
      #expect(cells[4].count == 2, "location \(cells[4]) is a two-character FIPS code or US")
      #expect(cells[5] == "quantile")
      #expect(levels.contains(cells[6]), "quantile level \(cells[6])")
      #expect(value >= 0 && value.isFinite)
    }
  }

  @Test(
    "JHU global files publish one page per country",
    .enabled(if: SharedData.isAvailable, "../shared/data is absent: skipping the JHU run"))
  func jhu() async throws {
    let directory = try TemporaryDirectory()
    let result = try await Self.run(
      [
        "--source", "jhu", "--input", SharedData.jhuConfirmed.path, "--input", SharedData.jhuDeaths.path,
        "--input", SharedData.jhuLookup.path, "--steps", "7", "--now", "2023-03-10T06:00:00Z",
      ], in: directory)
    #expect(result.status == 0, "stderr: \(result.standardError)")
    let site = directory.url.appendingPathComponent("output/current")
    let regions = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("region").path)
      .filter { $0.hasSuffix(".html") }
    #expect(regions.count == 201)
    #expect(regions.contains("germany.html") && regions.contains("korea-south.html"))
    let index = try MarkupDocument(
      bytes: Array(try Data(contentsOf: site.appendingPathComponent("index.html"))), kind: .html, name: "index.html")
    #expect(index.count("//a[starts-with(@href, 'region/')]") >= 201)
    // Populations from the UID lookup table; no quantile above the population or 100× the
    // largest day of the last 8 weeks (Belgium's 95% range once reached 2.3 million a day).
    for country in ["belgium", "us", "germany", "argentina", "togo"] {
      let data = try Data(contentsOf: site.appendingPathComponent("api/v1/forecasts/region/\(country).json"))
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let population = try #require(object["population"] as? Double, "\(country) has no population")
      for metric in object["metrics"] as? [[String: Any]] ?? [] {
        let recent = (metric["recent"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? Double }
        let ceiling = min(population, 100 * max(recent.suffix(56).max() ?? 0, 10))
        for horizon in metric["horizons"] as? [[String: Any]] ?? [] {
          let quantiles = horizon["quantiles"] as? [Double] ?? []
          #expect(
            quantiles.allSatisfy { $0 <= ceiling },
            "\(country) \(metric["metric"] ?? ""): \(quantiles.last ?? 0) > \(ceiling)")
        }
      }
    }
  }

  @Test("a CSV with a bad row exits 65 naming file, line and column; the release and database are unchanged")
  func badInput() async throws {
    let directory = try TemporaryDirectory()
    var good = "date,region,metric,value\n"
    for day in 1...20 {
      let date = "2024-01-" + (day < 10 ? "0\(day)" : "\(day)")
      good += "\(date),Alpha,cases,\(10 + day)\n\(date),Beta,cases,\(5 + day % 3)\n"
    }
    let goodFile = directory.url.appendingPathComponent("good.csv")
    try good.write(to: goodFile, atomically: true, encoding: .utf8)
    let first = try await Self.run(
      ["--source", "csv", "--input", goodFile.path, "--now", "2024-01-21T06:00:00Z"], in: directory)
    try #require(first.status == 0, "stderr: \(first.standardError)")
    let database = try NeuralBrainDatabase.open(directory: directory.url.appendingPathComponent("state"))
    let observationsBefore = try database.observations()

    let badFile = directory.url.appendingPathComponent("bad.csv")
    try (good + "2024-01-21,Alpha,cases,abc\n").write(to: badFile, atomically: true, encoding: .utf8)
    let second = try await Self.run(
      ["--source", "csv", "--input", badFile.path, "--now", "2024-01-22T06:00:00Z"], in: directory)
    #expect(second.status == 65)
    #expect(second.standardError.contains("bad.csv:42:4"), "stderr: \(second.standardError)")
    #expect(second.standardError.contains("\"value\""))
    let live = try FileManager.default.destinationOfSymbolicLink(
      atPath: directory.url.appendingPathComponent("output/current").path)
    #expect(live == "releases/20240121t060000z")
    #expect(try database.observations() == observationsBefore)
    #expect(try database.runs(limit: 1).first?.status == .failed)
  }
}
