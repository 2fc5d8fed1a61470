import NeuralBrainCore
import NeuralBrainForecasting

/// `local` against the flat baseline on the run's own data, so that the evaluation page shows a
/// relative WIS from the very first run, before any published forecast can be scored.
///
/// The series are cut at the last four weekly origins before the data's end; both models
/// forecast from each cut and are scored on what followed (weekly data: horizons 0–3; daily
/// data: days 1–28, through the daily benchmark of `backtest`). Per metric, only the largest
/// series take part, so it costs a fraction of a run whatever the number of regions.
enum RecentSkill {
  /// The evaluation name of these scores in the store.
  static let evaluation = "recent"
  /// Weekly origins replayed.
  static let origins = 4
  /// Series per metric replayed (the largest totals).
  static let largestSeries = 30
  /// The flat baseline's name in rows.
  static let baselineModel = "flat baseline"
  /// Sample paths of the baseline: 500 instead of the hubs' 10,000 keeps this replay to a few
  /// tenths of a second; the baseline's mean WIS moves by about 3% against 2,000 paths (demo:
  /// 186.65 against 182.06), which `backtest` (10,000 paths) is there to settle.
  static let baselineSimulations = 500

  /// Scores of both models, with `model` = "<model> · <metric>" and `regionID` = "<id>/<metric>".
  static func scores(_ dataset: Dataset, seed: UInt64) -> [ScoredForecast] {
    let end = dataset.provenance.dataAsOf
    return dataset.metrics.flatMap { metric -> [ScoredForecast] in
      let members = dataset.largestSeries(of: metric, limit: largestSeries)
      let scored =
        dataset.frequency == .daily
        ? daily(members, end: end, seed: seed) : weekly(members, end: end, seed: seed)
      return scored.map { forecast in
        var named = forecast
        let model = forecast.model == LocalForecaster().modelID ? forecast.model : baselineModel
        named.model = "\(model) · \(metric.displayName.lowercased())"
        named.regionID = "\(forecast.regionID)/\(metric.rawValue)"
        return named
      }
    }
  }

  private static func daily(_ members: [IncidentSeries], end: Day, seed: UInt64) -> [ScoredForecast] {
    let series = members.map(DailyBacktest.Series.init)
    let cuts = (1...origins).reversed().map { end.adding(days: 1 - 7 * $0) }
    var backtest = DailyBacktest(seed: seed, baselineSimulations: baselineSimulations)
    backtest.scoresTotals = false
    // A daily forecast's reference date is its last observed day (the day before the backtest's
    // origin), as the runs publish it: the evaluation over time pairs them by that date.
    return backtest.run(series, origins: cuts).daily.map { score in
      var named = score
      named.referenceDate = score.referenceDate.adding(days: -1)
      return named
    }
  }

  private static func weekly(_ members: [IncidentSeries], end: Day, seed: UInt64) -> [ScoredForecast] {
    var truth: [String: [Day: Double]] = [:]
    for series in members {
      for (index, value) in series.values.enumerated() {
        if let value { truth[series.region.id, default: [:]][series.date(at: index)] = value }
      }
    }
    let cuts = (1...origins).reversed().map { back -> BacktestOrigin in
      let last = end.adding(days: -7 * back)
      var cut: [String: IncidentSeries] = [:]
      for series in members where series.start <= last {
        var head = series
        head.values = Array(series.values.prefix((last - series.start) / 7 + 1))
        if head.values.contains(where: { $0 != nil }) { cut[series.region.id] = head }
      }
      return BacktestOrigin(referenceDate: last.adding(days: 7), series: cut)
    }
    let local = Backtest.run(origins: cuts, truth: truth, model: .local(), steps: 4, seed: seed)
    let flat = Backtest.run(
      origins: cuts, truth: truth,
      model: .flusightBaseline(name: baselineModel, simulations: baselineSimulations), steps: 4, seed: seed)
    return local + flat
  }
}
