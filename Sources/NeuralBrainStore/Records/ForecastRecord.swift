import Foundation
import GRDB
import NeuralBrainCore

/// One run's forecast of one series: every horizon, packed by `HorizonsColumn`.
struct ForecastSeriesRecord: Codable, FetchableRecord, PersistableRecord, Hashable {
  static let databaseTableName = "forecast_series"
  var runID: String
  var regionID: String
  var metric: String
  var referenceDate: String
  /// The earliest target end date of `horizons`: what the evaluation filters on.
  var firstTargetEndDate: String
  var horizons: Data
  var provider: String
  var model: String

  enum CodingKeys: String, CodingKey {
    case runID = "run_id", regionID = "region_id", metric, referenceDate = "reference_date"
    case firstTargetEndDate = "first_target_end_date", horizons, provider, model
  }

  /// One prepared statement for many rows (a daily run of 10,000 regions stores 20,000).
  static let insertSQL = """
    INSERT INTO forecast_series (run_id, region_id, metric, reference_date, first_target_end_date, horizons,
                                 provider, model)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    """

  /// The values of `insertSQL`, in its order.
  var insertArguments: StatementArguments {
    [runID, regionID, metric, referenceDate, firstTargetEndDate, horizons, provider, model]
  }
}

/// One region's published risk, for "what changed since the last run".
struct PublishedRegionRecord: Codable, FetchableRecord, PersistableRecord, Hashable {
  static let databaseTableName = "published_region"
  var runID: String
  var regionID: String
  var riskLevel: String
  var riskScore: Double

  enum CodingKeys: String, CodingKey {
    case runID = "run_id", regionID = "region_id", riskLevel = "risk_level", riskScore = "risk_score"
  }
}

/// The row of one `ScoredForecast` of an evaluation (`site`, `recent`, `backtest`, …).
struct ScoreRecord: Codable, FetchableRecord, PersistableRecord, Hashable {
  static let databaseTableName = "forecast_score"
  /// Which evaluation produced it (`site` for the live page, or a backtest name).
  var evaluation: String
  var model: String
  var regionID: String
  var referenceDate: String
  var horizon: Int
  var targetEndDate: String
  var observed: Double
  var wis: Double
  var absoluteError: Double
  var covered50: Bool
  var covered95: Bool

  enum CodingKeys: String, CodingKey {
    case evaluation, model, regionID = "region_id", referenceDate = "reference_date", horizon
    case targetEndDate = "target_end_date", observed, wis, absoluteError = "absolute_error"
    case covered50, covered95
  }

  init(evaluation: String, _ scored: ScoredForecast) {
    self.evaluation = evaluation
    model = scored.model
    regionID = scored.regionID
    referenceDate = scored.referenceDate.iso
    horizon = scored.horizon
    targetEndDate = scored.targetEndDate.iso
    observed = scored.observed
    wis = scored.wis
    absoluteError = scored.absoluteError
    covered50 = scored.covered50
    covered95 = scored.covered95
  }

  /// The scored forecast; nil when a stored date does not parse.
  var scored: ScoredForecast? {
    guard let reference = Day(iso: referenceDate), let end = Day(iso: targetEndDate) else { return nil }
    return ScoredForecast(
      model: model, regionID: regionID, referenceDate: reference, horizon: horizon, targetEndDate: end,
      observed: observed, wis: wis, absoluteError: absoluteError, covered50: covered50, covered95: covered95)
  }
}
