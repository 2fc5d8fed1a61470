import NeuralBrainCore

/// How one model did against what was later observed, for `evaluation.html`.
///
/// Rows come from the store's scoring of past forecasts; `horizon == nil` means all horizons.
public struct EvaluationRow: Sendable, Hashable, Codable {
  public var model: String
  public var horizon: Int?
  public var count: Int
  public var meanWIS: Double
  public var coverage50: Double
  public var coverage95: Double
  /// Mean WIS relative to the baseline model, when a baseline was scored.
  public var relativeWIS: Double?
  /// The forecasts' reference date, for the rows that follow scores over time; nil for rows
  /// over all dates.
  public var referenceDate: Day?

  public init(
    model: String, horizon: Int?, count: Int, meanWIS: Double, coverage50: Double,
    coverage95: Double, relativeWIS: Double? = nil, referenceDate: Day? = nil
  ) {
    self.model = model
    self.horizon = horizon
    self.count = count
    self.meanWIS = meanWIS
    self.coverage50 = coverage50
    self.coverage95 = coverage95
    self.relativeWIS = relativeWIS
    self.referenceDate = referenceDate
  }
}
