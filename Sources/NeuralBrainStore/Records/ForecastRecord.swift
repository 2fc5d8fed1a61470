import Foundation
import GRDB
import NeuralBrainCore

/// One horizon of one stored forecast, with all 23 quantiles as a JSON array.
struct ForecastRecord: Codable, FetchableRecord, PersistableRecord, Hashable {
  static let databaseTableName = "forecast"
  var runID: String
  var regionID: String
  var metric: String
  var referenceDate: String
  var horizon: Int
  var targetEndDate: String
  var quantiles: String
  var provider: String
  var model: String

  enum CodingKeys: String, CodingKey {
    case runID = "run_id", regionID = "region_id", metric, referenceDate = "reference_date"
    case horizon, targetEndDate = "target_end_date", quantiles, provider, model
  }
}

/// A stored forecast of one horizon, decoded: what the evaluation page scores.
public struct StoredForecast: Hashable, Sendable {
  public var runID: String
  public var regionID: String
  public var metric: Metric
  public var referenceDate: Day
  public var horizon: HorizonForecast
  public var provider: String
  public var model: String
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

/// One scored forecast kept for the evaluation page.
public struct ScoreRecord: Codable, FetchableRecord, PersistableRecord, Hashable, Sendable {
  public static let databaseTableName = "forecast_score"
  /// Which evaluation produced it (`site` for the live page, or a backtest name).
  public var evaluation: String
  public var model: String
  public var regionID: String
  public var referenceDate: String
  public var horizon: Int
  public var targetEndDate: String
  public var observed: Double
  public var wis: Double
  public var absoluteError: Double
  public var covered50: Bool
  public var covered95: Bool

  enum CodingKeys: String, CodingKey {
    case evaluation, model, regionID = "region_id", referenceDate = "reference_date", horizon
    case targetEndDate = "target_end_date", observed, wis, absoluteError = "absolute_error"
    case covered50, covered95
  }

  public init(
    evaluation: String, model: String, regionID: String, referenceDate: Day, horizon: Int,
    targetEndDate: Day, observed: Double, wis: Double, absoluteError: Double, covered50: Bool,
    covered95: Bool
  ) {
    self.evaluation = evaluation
    self.model = model
    self.regionID = regionID
    self.referenceDate = referenceDate.iso
    self.horizon = horizon
    self.targetEndDate = targetEndDate.iso
    self.observed = observed
    self.wis = wis
    self.absoluteError = absoluteError
    self.covered50 = covered50
    self.covered95 = covered95
  }
}
