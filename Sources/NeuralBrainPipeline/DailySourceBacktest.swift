import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainForecasting
import NeuralBrainIngest

/// The daily benchmark of `backtest`: loads a daily source (JHU, OWID, a daily CSV, the demo)
/// once, keeps the regions with the most counts, and runs `DailyBacktest` on every metric at
/// origins every `every` days. The final data are the truth; each origin sees what came before
/// it (no vintages exist for these sources).
public struct DailySourceBacktest: Sendable {
  public var source: SourceOptions
  public var origins: [Day]
  /// How many regions (the largest totals of each metric) are scored; all when nil.
  public var top: Int?
  public var metrics: [Metric]?
  public var backtest: DailyBacktest
  /// When the source reads "now" (the demo simulator, staleness); the day after the last origin's
  /// horizon by default.
  public var now: Date
  /// Where the source is read from.
  public var environment: RunEnvironment

  public init(
    source: SourceOptions, origins: [Day], top: Int?, metrics: [Metric]?, backtest: DailyBacktest, now: Date,
    environment: RunEnvironment
  ) {
    self.environment = environment
    self.source = source
    self.origins = origins
    self.top = top
    self.metrics = metrics
    self.backtest = backtest
    self.now = now
  }

  /// The evaluation of one metric.
  public struct MetricOutcome: Sendable {
    public var metric: Metric
    public var regions: Int
    /// Per-day summaries (horizon = days ahead).
    public var daily: [ScoreSummary]
    /// Summaries of the 7-day totals (horizon = weeks ahead).
    public var weekly: [ScoreSummary]
    public var explosions: [DailyBacktest.Explosion]
    public var largestRatio: Double
    public var forecastDays: Int
    /// Every scored day, for the store.
    public var scored: [ScoredForecast]
  }

  public func run() async throws -> [MetricOutcome] {
    let dataset = try await SourceFactory.make(source, environment: environment, now: now).load()
    guard dataset.frequency == .daily else { throw DailyBacktestError.notDaily(kind: source.kind) }
    let chosen = metrics ?? dataset.metrics
    return chosen.compactMap { metric in
      let kept = dataset.largestSeries(of: metric, limit: top)
      guard !kept.isEmpty else { return nil }
      let series = kept.map(DailyBacktest.Series.init)
      let outcome = backtest.run(series, origins: origins)
      let baseline = DailyBacktest.baselineModel
      return MetricOutcome(
        metric: metric, regions: kept.count, daily: Backtest.summarize(outcome.daily, baseline: baseline),
        weekly: Backtest.summarize(outcome.weekly, baseline: baseline), explosions: outcome.explosions,
        largestRatio: outcome.largestRatio, forecastDays: outcome.forecastDays,
        scored: outcome.daily.map { forecast in
          var keyed = forecast
          keyed.model = "\(forecast.model) · \(metric.displayName.lowercased())"
          keyed.regionID = "\(forecast.regionID)/\(metric.rawValue)"
          return keyed
        })
    }
  }
}

/// A daily backtest that cannot run.
public enum DailyBacktestError: Error, LocalizedError, ExitStatusProviding {
  /// The source's data are weekly.
  case notDaily(kind: SourceKind)

  public var exitStatus: ExitStatus { .dataError }

  public var errorDescription: String? {
    switch self {
    case .notDaily(let kind):
      "the \(kind.rawValue) data are weekly; the daily benchmark needs daily series (use --source hub for weekly hub data)."
    }
  }
}
