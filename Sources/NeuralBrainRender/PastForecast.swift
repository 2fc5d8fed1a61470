import NeuralBrainCore

/// A forecast an earlier run published for one region and metric, read back from the store:
/// the region page sets it against what has since been observed ("look back").
public struct PastForecast: Sendable, Hashable {
  /// How many weeks before this release's forecast it was issued (1–4).
  public var weeksEarlier: Int
  public var metric: Metric
  public var referenceDate: Day
  /// Who issued it, `provider/model`.
  public var model: String
  /// The horizons whose target dates the data now cover, in date order.
  public var horizons: [HorizonForecast]

  public init(weeksEarlier: Int, metric: Metric, referenceDate: Day, model: String, horizons: [HorizonForecast]) {
    self.weeksEarlier = weeksEarlier
    self.metric = metric
    self.referenceDate = referenceDate
    self.model = model
    self.horizons = horizons
  }
}
