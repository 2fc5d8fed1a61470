/// One forecast read from a hub model-output file: 23 quantiles of one location and horizon.
///
/// Scoring external models (FluSight-baseline, FluSight-ensemble) needs their published
/// forecasts in the same shape our own backtest produces.
public struct HubQuantileForecast: Sendable, Hashable, Codable {
  public var model: String
  public var target: String
  public var location: String
  public var referenceDate: Day
  public var horizon: Int
  public var targetEndDate: Day
  /// Values at `QuantileLevels.hub`, in level order.
  public var quantiles: [Double]

  public init(
    model: String, target: String, location: String, referenceDate: Day, horizon: Int,
    targetEndDate: Day, quantiles: [Double]
  ) {
    self.model = model
    self.target = target
    self.location = location
    self.referenceDate = referenceDate
    self.horizon = horizon
    self.targetEndDate = targetEndDate
    self.quantiles = quantiles
  }
}
