/// One forecast (model, region, origin, horizon) scored against what was later observed.
///
/// The unit every summary, relative-skill comparison and skill page is built from, and what the
/// store keeps per evaluation. Scoring quantiles is `NeuralBrainForecasting`'s
/// (`init(model:…:quantiles:)`).
public struct ScoredForecast: Sendable, Hashable, Codable {
  public var model: String
  public var regionID: String
  public var referenceDate: Day
  public var horizon: Int
  public var targetEndDate: Day
  public var observed: Double
  public var wis: Double
  public var absoluteError: Double
  public var covered50: Bool
  public var covered95: Bool

  public init(
    model: String, regionID: String, referenceDate: Day, horizon: Int, targetEndDate: Day,
    observed: Double, wis: Double, absoluteError: Double, covered50: Bool, covered95: Bool
  ) {
    self.model = model
    self.regionID = regionID
    self.referenceDate = referenceDate
    self.horizon = horizon
    self.targetEndDate = targetEndDate
    self.observed = observed
    self.wis = wis
    self.absoluteError = absoluteError
    self.covered50 = covered50
    self.covered95 = covered95
  }

  /// What identifies the forecast target across models, for pairwise comparisons.
  public struct Target: Hashable, Sendable {
    public var regionID: String
    public var referenceDate: Day
    public var horizon: Int
  }

  public var target: Target { Target(regionID: regionID, referenceDate: referenceDate, horizon: horizon) }
}
