import Foundation
import NeuralBrainCore
import NeuralBrainIngest
import NeuralBrainTestSupport

@testable import NeuralBrainForecasting

/// The FluSight 2023-24 evaluation set of shared/data/README.md, read from `../shared/data`
/// relative to the package root (tests skip when it is absent).
enum FluSightData {
  /// `…/shared/data/flusight/FluSight-forecast-hub`, resolved through symlinked test folders.
  static let hub = PackagePaths.sharedData.appendingPathComponent("flusight/FluSight-forecast-hub")

  static var isAvailable: Bool {
    FileManager.default.fileExists(atPath: hub.appendingPathComponent("model-output/FluSight-baseline").path)
  }

  /// Reference dates 2023-10-14 … 2024-05-04.
  static let referenceDates = (0..<30).map { Day(iso: "2023-10-14")!.adding(days: 7 * $0) }
  static let target = "wk inc flu hosp"

  static func text(_ relative: String) throws -> String {
    try String(contentsOf: hub.appendingPathComponent(relative), encoding: .utf8)
  }

  /// Truth of the published evaluation: the 2024-04-27 vintage without the national series.
  static func truth() throws -> [String: [Day: Double]] {
    let file = "auxiliary-data/target-data-archive/target-hospital-admissions_2024-04-27.csv"
    return try HubTargetTable.parse(text(file), file: file, now: Date(timeIntervalSince1970: 1_796_000_000)).values
      .filter { $0.key != "US" }
  }

  /// The README filters: 52 locations, horizons 0–3, target end ≤ 2024-05-01, MA dropped on
  /// reference date 2023-12-09.
  static func isEvaluated(_ forecast: ScoredForecast) -> Bool {
    forecast.regionID != "US" && (0...3).contains(forecast.horizon)
      && forecast.targetEndDate <= Day(iso: "2024-05-01")!
      && !(forecast.regionID == "25" && forecast.referenceDate == Day(iso: "2023-12-09")!)
  }

  /// Scored forecasts of a published model over the season.
  static func scoredHubModel(_ model: String, truth: [String: [Day: Double]]) throws -> [ScoredForecast] {
    try referenceDates.flatMap { date in
      let file = "model-output/\(model)/\(date.iso)-\(model).csv"
      let forecasts = try HubModelOutputReader.parse(text(file), file: file, target: target)
      return Backtest.score(forecasts, truth: truth).filter(isEvaluated)
    }
  }

  /// What a forecaster knew at each reference date R: the archive file labelled R − 7 days.
  static func origins() throws -> [BacktestOrigin] {
    try referenceDates.map { date in
      let file = "auxiliary-data/target-data-archive/target-hospital-admissions_\(date.adding(days: -7).iso).csv"
      let table = try HubTargetTable.parse(text(file), file: file, now: Date(timeIntervalSince1970: 1_796_000_000))
      var series: [String: IncidentSeries] = [:]
      for (location, observed) in table.values where location != "US" {
        guard let first = observed.keys.min() else { continue }
        series[location] = IncidentSeries(
          region: Region(id: location, code: location, name: table.names[location] ?? location),
          metric: .hospitalizations, frequency: .weekly, start: first,
          values: table.series(location: location, frequency: .weekly))
      }
      return BacktestOrigin(referenceDate: date, series: series)
    }
  }
}
