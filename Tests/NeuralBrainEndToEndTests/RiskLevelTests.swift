import Foundation
import NeuralBrainMarkup
import NeuralBrainTestSupport
import Testing

/// RED / YELLOW / GREEN against what the incidence says (issue 12), on the release binary and
/// the real data: every FluSight 2023-24 location at three dates (rising, peak, falling, each
/// from the as-of file of that date with the hub's populations) and every JHU country at two
/// dates (the Omicron peak and the following trough, from the files cut at that date).
@Suite(
  "risk levels match incidence on real data",
  .enabled(if: SharedData.isAvailable, "../shared/data is absent: skipping the risk-level checks"))
struct RiskLevelTests {
  /// What a published region says about itself.
  struct Reading {
    var name: String
    var level: Int
    var score: Double
    var incidence: Double?
    var growth: Double
    var trend: String
    var trendDetail: String
    var nextMedian: Double?
    var outbreakProbability: Double
    /// The primary metric's last four observed periods' worth of values are all zero.
    var recentlyZero: Bool
  }

  static let ranks = ["GREEN": 0, "YELLOW": 1, "RED": 2]

  /// Runs the binary, checks the index (a verdict and a labelled unit in every row: `unit` is
  /// "week ending" or "next 7 days"), and reads `api/v1/forecasts/global.json`.
  static func readings(_ arguments: [String], now: String, unit: String) async throws -> [Reading] {
    let directory = try TemporaryDirectory()
    let site = directory.url.appendingPathComponent("output/current")
    let result = try await NeuralBrainExecutable.run(
      [
        "run", "--output", directory.url.appendingPathComponent("output").path,
        "--state-dir", directory.url.appendingPathComponent("state").path, "--now", now,
      ] + arguments)
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let index = try MarkupDocument(
      bytes: Array(try Data(contentsOf: site.appendingPathComponent("index.html"))), kind: .html, name: "index.html")
    let rows = index.count("//table[contains(@class,'regions')]/tbody/tr")
    #expect(rows > 0)
    #expect(index.count("//tbody/tr[string-length(normalize-space(.//span[contains(@class,'verdict')])) > 20]") == rows)
    #expect(
      index.count("//tbody/tr/td[@class='num']/span[contains(., '\(unit)')]") == rows,
      "every next-period number says \(unit)")
    // The e-mail's text part: every region it lists has its verdict and its labelled next period.
    let mail = try String(contentsOf: directory.url.appendingPathComponent("output/email/latest.eml"), encoding: .utf8)
      .replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
    let text = mail.components(separatedBy: "Content-Type: text/html").first ?? ""
    let listed = text.components(separatedBy: ", \(unit)").count - 1
    let verdicts = text.components(separatedBy: " expected ").count - 1
    #expect(listed > 0 && verdicts == listed, "e-mail: \(verdicts) verdicts for \(listed) regions")
    let global =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: site.appendingPathComponent("api/v1/forecasts/global.json"))) as? [String: Any]
    let forecasts = try #require(global?["forecasts"] as? [[String: Any]])
    return try forecasts.map { forecast in
      let metrics = forecast["metrics"] as? [[String: Any]] ?? []
      let primary = metrics.first { $0["metric"] as? String == forecast["primary_metric"] as? String }
      let next =
        (primary?["next_period"] as? [String: Any])?["quantiles"] as? [Double]
        ?? ((primary?["horizons"] as? [[String: Any]])?.first?["quantiles"] as? [Double])
      return Reading(
        name: try #require(forecast["region"] as? String),
        level: try #require(ranks[forecast["risk_level"] as? String ?? ""]),
        score: try #require(forecast["risk_score"] as? Double),
        incidence: forecast["incidence_per100k"] as? Double,
        growth: try #require(forecast["growth_rate"] as? Double),
        trend: forecast["trend"] as? String ?? "",
        trendDetail: forecast["trend_detail"] as? String ?? "",
        nextMedian: next.map { $0[11] },
        outbreakProbability: try #require(forecast["outbreak_probability"] as? Double),
        recentlyZero: {
          let recent = (primary?["recent"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? Double }
          let span = primary?["frequency"] as? String == "daily" ? 28 : 4
          return recent.count >= span && recent.suffix(span).allSatisfy { $0 == 0 }
        }())
    }
  }

  /// Checks every reading against its incidence per 100k a week, `reference` being the
  /// metric's high-season level (5 admissions, 100 cases): the band is the rounded score's; no
  /// RED below the reference; no GREEN at more than half the reference while not falling; and
  /// between any two regions, more incidence and no less growth never gives a lower level.
  static func checkAgainstIncidence(_ readings: [Reading], reference: Double, label: String) {
    for reading in readings {
      let shown = reading.score.rounded()
      #expect(reading.level == (shown >= 70 ? 2 : shown >= 40 ? 1 : 0), "\(label) \(reading.name): band vs score")
      guard let incidence = reading.incidence else { continue }
      if incidence < reference {
        #expect(reading.level < 2, "\(label) \(reading.name): RED at \(incidence) per 100k")
      }
      if incidence > reference / 2, reading.growth >= 0 {
        #expect(reading.level > 0, "\(label) \(reading.name): GREEN at \(incidence) per 100k, growing")
      }
      #expect(
        !(reading.trend == "stable" && reading.trendDetail != "stable"),
        "\(label) \(reading.name): \(reading.trend) (\(reading.trendDetail))")
      // Four weeks of zeros: a rise of 20% and 10 counts is all but impossible (Belarus, Egypt and
      // Tanzania, which stopped reporting in 2022, read 2%: a resumed report is not ruled out).
      if reading.recentlyZero {
        #expect(reading.outbreakProbability < 0.05, "\(label) \(reading.name): \(reading.outbreakProbability) on zeros")
      }
    }
    let known = readings.filter { $0.incidence != nil }
    for a in known {
      for b in known where a.incidence! >= b.incidence! && a.growth >= b.growth {
        #expect(a.level >= b.level, "\(label): \(a.name) is below \(b.name) with more incidence and growth")
      }
    }
  }

  @Test("FluSight 2023-24: every state at the rise, the peak and the fall")
  func flusight() async throws {
    let auxiliary = SharedData.root.appendingPathComponent("flusight/FluSight-forecast-hub/auxiliary-data")
    var elevated: [String: Int] = [:]
    for date in ["2023-11-25", "2023-12-30", "2024-02-24"] {
      let file = auxiliary.appendingPathComponent("target-data-archive/target-hospital-admissions_\(date).csv")
      let readings = try await Self.readings(
        ["--source", "hub", "--input", file.path, "--input", auxiliary.appendingPathComponent("locations.csv").path],
        now: "\(date)T12:00:00Z", unit: "week ending")
      #expect(readings.count == 53)
      #expect(readings.allSatisfy { $0.incidence != nil }, "every location has a population")
      Self.checkAgainstIncidence(readings, reference: 5, label: date)
      elevated[date] = readings.count { $0.level > 0 }
    }
    // The season's shape: more states YELLOW or RED at the peak than on the way up or down.
    let peak = elevated["2023-12-30"] ?? 0
    #expect(peak >= 40, "only \(peak) states above GREEN at the peak")
    #expect(peak > elevated["2023-11-25"] ?? 0 && peak > elevated["2024-02-24"] ?? 0, "\(elevated)")
  }

  /// The JHU confirmed and deaths files cut after `date` (wide format: one column per day).
  static func cutJHU(at date: String, into directory: TemporaryDirectory) throws -> [String] {
    let parts = date.split(separator: "-").compactMap { Int($0) }
    let header = "\(parts[1])/\(parts[2])/\(parts[0] % 100)"
    return try ["confirmed", "deaths"].map { kind in
      let source = SharedData.root.appendingPathComponent("covid19/jhu-csse/time_series_covid19_\(kind)_global.csv")
      let rows = try NaiveCSV.rows(source.path)
      let last = try #require(rows.first?.firstIndex(of: header), "no column \(header)")
      let cut = rows.map { $0.prefix(last + 1).map(NaiveCSV.quoted).joined(separator: ",") }
      let target = directory.url.appendingPathComponent("time_series_covid19_\(kind)_global.csv")
      try (cut.joined(separator: "\n") + "\n").write(to: target, atomically: true, encoding: .utf8)
      return target.path
    }
  }

  @Test("JHU: every country at the Omicron peak and the trough after it", arguments: ["2022-01-22", "2022-06-18"])
  func jhu(date: String) async throws {
    let directory = try TemporaryDirectory()
    let files = try Self.cutJHU(at: date, into: directory)
    let readings = try await Self.readings(
      ["--source", "jhu", "--input", files[0], "--input", files[1], "--input", SharedData.jhuLookup.path],
      now: "\(date)T12:00:00Z", unit: "next 7 days")
    #expect(readings.count == 201)
    #expect(readings.contains { $0.recentlyZero }, "no all-zero country to check the outbreak probability on")
    Self.checkAgainstIncidence(readings, reference: 100, label: date)
    // No population: never RED, whatever the growth (cruise ships, the Olympics, Antarctica).
    for reading in readings where reading.incidence == nil {
      #expect(reading.level < 2, "\(date) \(reading.name) is RED without a population")
    }
    let red = readings.filter { $0.level == 2 }.map(\.name)
    if date == "2022-01-22" {
      // Still rising or at their peak that week (the UK, past its peak and falling fast, is YELLOW).
      for country in ["France", "US", "Israel", "Denmark", "Portugal"] {
        #expect(red.contains(country), "\(country) is not RED at the Omicron peak")
      }
    } else {
      #expect(red.count < 40, "\(red.count) countries RED in the June trough")
    }
  }
}
