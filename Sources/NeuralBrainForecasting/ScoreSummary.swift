/// Aggregate skill of one model over a backtest, overall and per horizon.
///
/// This is what the forecast-skill page shows: mean WIS, median error, interval coverage and
/// relative WIS against the baseline on the forecasts all models share.
public struct ScoreSummary: Sendable, Hashable, Codable {
  /// Aggregates of one slice (one horizon, or everything).
  public struct Slice: Sendable, Hashable, Codable {
    public var count: Int
    public var meanWIS: Double
    public var meanAbsoluteError: Double
    public var coverage50: Double
    public var coverage95: Double
    /// Pairwise relative WIS against the baseline; `nil` without a baseline to compare with.
    public var relativeWIS: Double?

    public init(
      count: Int, meanWIS: Double, meanAbsoluteError: Double, coverage50: Double, coverage95: Double,
      relativeWIS: Double?
    ) {
      self.count = count
      self.meanWIS = meanWIS
      self.meanAbsoluteError = meanAbsoluteError
      self.coverage50 = coverage50
      self.coverage95 = coverage95
      self.relativeWIS = relativeWIS
    }

    /// Means over `forecasts`; zeros when empty.
    public init(_ forecasts: [ScoredForecast], relativeWIS: Double?) {
      let n = Double(max(forecasts.count, 1))
      self.init(
        count: forecasts.count,
        meanWIS: forecasts.reduce(0) { $0 + $1.wis } / n,
        meanAbsoluteError: forecasts.reduce(0) { $0 + $1.absoluteError } / n,
        coverage50: Double(forecasts.count { $0.covered50 }) / n,
        coverage95: Double(forecasts.count { $0.covered95 }) / n,
        relativeWIS: relativeWIS)
    }
  }

  public var model: String
  public var count: Int
  public var meanWIS: Double
  public var meanAbsoluteError: Double
  public var coverage50: Double
  public var coverage95: Double
  public var relativeWIS: Double?
  /// The same aggregates per hub horizon.
  public var byHorizon: [Int: Slice]

  public init(model: String, overall: Slice, byHorizon: [Int: Slice]) {
    self.model = model
    self.count = overall.count
    self.meanWIS = overall.meanWIS
    self.meanAbsoluteError = overall.meanAbsoluteError
    self.coverage50 = overall.coverage50
    self.coverage95 = overall.coverage95
    self.relativeWIS = overall.relativeWIS
    self.byHorizon = byHorizon
  }

  /// The aggregates over every horizon, as one slice.
  public var overall: Slice {
    Slice(
      count: count, meanWIS: meanWIS, meanAbsoluteError: meanAbsoluteError, coverage50: coverage50,
      coverage95: coverage95, relativeWIS: relativeWIS)
  }
}
