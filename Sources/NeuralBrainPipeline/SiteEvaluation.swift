import Foundation
import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainRender
import NeuralBrainStore

/// Scores the forecasts of past runs against what has since been observed, for `evaluation.html`.
///
/// Every stored forecast of the last 13 weeks whose target end date the current data cover is
/// scored with the hub WIS, interval coverage and absolute error; the scores are kept in the store (evaluation
/// `site`) and summarized per model, metric and horizon (never averaged across metrics). Then
/// `RecentSkill`'s replay of `local` against the flat baseline on the run's own data (evaluation
/// `recent`, recomputed when the data changed), with relative WIS per metric, so there is one
/// from the first run; then the scores of the last `neuralbrain backtest` (evaluation
/// `backtest`) with relative WIS against their baseline.
enum SiteEvaluation {
  /// Published forecasts are scored when their reference date is within this many days of the
  /// data's end (13 weeks, a season's quarter): enough for the page's trends and the look back,
  /// and a run's cost stays the same after a year of hourly runs.
  static let windowDays = 91

  static func rows(
    stored: [IssuedForecast], database: NeuralBrainDatabase, dataset: Dataset, dataChanged: Bool, seed: UInt64,
    save: (_ evaluation: String, _ scores: [ScoredForecast]) -> Void
  ) throws -> [EvaluationRow] {
    // Looked up per series, not per observation: 10,000 daily regions have millions of values.
    let series = Dictionary(dataset.series.map { ($0.key, $0) }) { _, last in last }
    let scored = stored.compactMap { issued -> ScoredForecast? in
      guard let metric = Metric(rawValue: issued.target),
        let value = series[SeriesKey(regionID: issued.regionID, metric: metric)]?.value(
          on: issued.forecast.targetEndDate)
      else { return nil }
      // One row per model *and metric*: WIS is in the metric's own counts, so cases and deaths
      // are never averaged together.
      return ScoredForecast(
        model: issued.model + " · " + metric.displayName.lowercased(),
        regionID: issued.regionID + "/" + metric.rawValue,
        referenceDate: issued.referenceDate, horizon: issued.forecast.horizon,
        targetEndDate: issued.forecast.targetEndDate, observed: value, quantiles: issued.forecast.quantiles)
    }
    save("site", scored)
    var recent = try database.scores(evaluation: RecentSkill.evaluation)
    if dataChanged || recent.isEmpty {
      recent = RecentSkill.scores(dataset, seed: seed)
      save(RecentSkill.evaluation, recent)
    }
    let backtest = try database.scores(evaluation: "backtest")
    return rows(scored, baseline: nil, prefix: "")
      + perMetric(recent, prefix: recentPrefix, perHorizon: false)
      + perMetric(backtest, prefix: "backtest: ", perHorizon: true)
      + overTime(published: scored, recent: recent)
  }

  /// How the recent replay's rows are marked.
  static let recentPrefix = "recent backtest: "

  /// Scores over time: per metric and reference date, the published forecasts and the recent
  /// replay of `local` and the flat baseline, with relative WIS against that baseline on the
  /// targets they share (the replay's origins are the weekly reference dates before this
  /// release's, the dates published forecasts have when the site runs weekly or more often).
  static func overTime(published: [ScoredForecast], recent: [ScoredForecast]) -> [EvaluationRow] {
    let marked = recent.map { score in
      var marked = score
      marked.model = recentPrefix + score.model
      return marked
    }
    return byMetric(published + marked).flatMap { scores, baseline in
      Dictionary(grouping: scores, by: \.referenceDate).sorted { $0.key < $1.key }.flatMap { date, scores in
        Backtest.summarize(scores, baseline: baseline).map { summary in
          EvaluationRow(model: summary.model, horizon: nil, summary.overall, referenceDate: date)
        }
      }
    }
  }

  /// Rows of each metric's scores (models named "<model> · <metric>"; hub backtests have one
  /// unnamed metric) with relative WIS against that metric's baseline model. Horizons get rows
  /// of their own only when asked and when there are few (4 weeks, not 28 days).
  static func perMetric(_ scored: [ScoredForecast], prefix: String, perHorizon: Bool) -> [EvaluationRow] {
    byMetric(scored).flatMap { scores, baseline in
      let fewHorizons = Set(scores.map(\.horizon)).count <= 8
      return rows(scores, baseline: baseline, prefix: prefix, perHorizon: perHorizon && fewHorizons)
    }
  }

  /// Scores grouped by the metric their model names ("<model> · <metric>"), metrics in name
  /// order, each with its baseline model (the first whose name says "baseline"), if any.
  static func byMetric(_ scored: [ScoredForecast]) -> [(scores: [ScoredForecast], baseline: String?)] {
    Dictionary(grouping: scored) { $0.model.components(separatedBy: " · ").dropFirst().last ?? "" }
      .sorted { $0.key < $1.key }
      .map { _, scores in
        (scores, Set(scores.map(\.model)).sorted().first { $0.lowercased().contains("baseline") })
      }
  }

  /// One row per model over all horizons, then (unless `perHorizon` is false) one per horizon.
  static func rows(
    _ scored: [ScoredForecast], baseline: String?, prefix: String, perHorizon: Bool = true
  ) -> [EvaluationRow] {
    Backtest.summarize(scored, baseline: baseline).flatMap { summary in
      [EvaluationRow(model: prefix + summary.model, horizon: nil, summary.overall)]
        + summary.byHorizon.keys.sorted().filter { _ in perHorizon }.compactMap { horizon in
          summary.byHorizon[horizon].map { EvaluationRow(model: prefix + summary.model, horizon: horizon, $0) }
        }
    }
  }
}
