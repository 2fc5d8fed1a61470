/// A probabilistic forecast of one region and metric.
public struct SeriesForecast: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case regionID = "region_id"
    case metric
    case referenceDate = "reference_date"
    case horizons
    case nextPeriod = "next_period"
  }
  public var regionID: String
  public var metric: Metric
  public var referenceDate: Day
  public var horizons: [HorizonForecast]
  /// Daily data: the provider's own distribution of the next 7 days' total, when it has one
  /// (the embedded model and the hosted prompts forecast 7-day totals first). Nil otherwise:
  /// `HorizonForecast.nextPeriod(of:frequency:)` then sums the days level by level.
  public var nextPeriod: HorizonForecast?

  public init(
    regionID: String, metric: Metric, referenceDate: Day, horizons: [HorizonForecast],
    nextPeriod: HorizonForecast? = nil
  ) {
    self.regionID = regionID
    self.metric = metric
    self.referenceDate = referenceDate
    self.horizons = horizons
    self.nextPeriod = nextPeriod
  }
}
