import NeuralBrainCore

extension ScoredForecast {
  /// Scores hub `quantiles` against `observed`.
  public init(
    model: String, regionID: String, referenceDate: Day, horizon: Int, targetEndDate: Day,
    observed: Double, quantiles: [Double]
  ) {
    self.init(
      model: model, regionID: regionID, referenceDate: referenceDate, horizon: horizon,
      targetEndDate: targetEndDate, observed: observed,
      wis: WeightedIntervalScore.score(quantiles: quantiles, observed: observed),
      absoluteError: WeightedIntervalScore.absoluteError(quantiles, observed: observed),
      covered50: QuantileLevels.covers(quantiles, observed: observed, interval: QuantileLevels.central50),
      covered95: QuantileLevels.covers(quantiles, observed: observed, interval: QuantileLevels.central95))
  }
}
