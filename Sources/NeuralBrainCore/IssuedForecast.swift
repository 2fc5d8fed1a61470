/// One horizon of a forecast someone issued — a run of ours, read back from the store, or
/// another hub model, read from its model-output file — with who issued it and what it
/// targets: what the scorers score against the truth.
public struct IssuedForecast: Sendable, Hashable {
  /// Who made it: `provider/model` for our runs, the hub's model name for others.
  public var model: String
  /// The region (a hub location code for hub files).
  public var regionID: String
  /// What is counted: a `Metric` raw value for our runs, the hub's target name
  /// (`wk inc flu hosp`) for hub files.
  public var target: String
  public var referenceDate: Day
  /// The horizon, its target end date and its 23 quantiles.
  public var forecast: HorizonForecast

  public init(model: String, regionID: String, target: String, referenceDate: Day, forecast: HorizonForecast) {
    self.model = model
    self.regionID = regionID
    self.target = target
    self.referenceDate = referenceDate
    self.forecast = forecast
  }
}
