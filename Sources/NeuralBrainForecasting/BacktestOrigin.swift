import NeuralBrainCore

/// What was known at one forecast origin of a rolling-origin backtest.
///
/// Backtests must only use data a forecaster had at the time (an as-of vintage), so each origin
/// carries its own series rather than a truncated view of the latest data.
public struct BacktestOrigin: Sendable {
  public var referenceDate: Day
  /// Series keyed by region id.
  public var series: [String: IncidentSeries]

  public init(referenceDate: Day, series: [String: IncidentSeries]) {
    self.referenceDate = referenceDate
    self.series = series
  }
}
