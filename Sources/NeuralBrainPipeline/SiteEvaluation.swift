import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainRender
import NeuralBrainStore

/// Scores the forecasts of past runs against what has since been observed, for `evaluation.html`.
///
/// Every stored forecast whose target end date the current data cover is scored with the hub
/// WIS, interval coverage and absolute error; the scores are kept in the store (evaluation
/// `site`) and summarized per model, metric and horizon (never averaged across metrics). Scores
/// of the last `neuralbrain backtest` (evaluation `backtest`) are listed after them, with
/// relative WIS against their baseline.
enum SiteEvaluation {
  static func rows(database: NeuralBrainDatabase, dataset: Dataset) throws -> [EvaluationRow] {
    var observed: [ObservationKey: Double] = [:]
    for series in dataset.series {
      for (index, value) in series.values.enumerated() {
        guard let value else { continue }
        observed[ObservationKey(regionID: series.region.id, metric: series.metric, date: series.date(at: index))] = value
      }
    }
    let stored = try database.forecasts(endingOnOrBefore: dataset.provenance.dataAsOf)
    let scored = stored.compactMap { forecast -> ScoredForecast? in
      let key = ObservationKey(regionID: forecast.regionID, metric: forecast.metric, date: forecast.horizon.targetEndDate)
      guard let value = observed[key] else { return nil }
      // One row per model *and metric*: WIS is in the metric's own counts, so cases and deaths
      // are never averaged together.
      return ScoredForecast(
        model: forecast.provider + "/" + forecast.model + " · " + forecast.metric.displayName.lowercased(),
        regionID: forecast.regionID + "/" + forecast.metric.rawValue,
        referenceDate: forecast.referenceDate, horizon: forecast.horizon.horizon,
        targetEndDate: forecast.horizon.targetEndDate, observed: value,
        quantiles: forecast.horizon.quantiles)
    }
    try database.replaceScores(evaluation: "site", with: scored.map { ScoreRecord(evaluation: "site", $0) })
    let backtest = try database.scores(evaluation: "backtest").compactMap(ScoredForecast.init(record:))
    let baseline = Set(backtest.map(\.model)).sorted().first { $0.lowercased().contains("baseline") }
    return rows(scored, baseline: nil, prefix: "") + rows(backtest, baseline: baseline, prefix: "backtest: ")
  }

  /// One row per model over all horizons, then one per horizon.
  static func rows(_ scored: [ScoredForecast], baseline: String?, prefix: String) -> [EvaluationRow] {
    Backtest.summarize(scored, baseline: baseline).flatMap { summary in
      [EvaluationRow(model: prefix + summary.model, horizon: nil, summary.overall)]
        + summary.byHorizon.keys.sorted().compactMap { horizon in
          summary.byHorizon[horizon].map { EvaluationRow(model: prefix + summary.model, horizon: horizon, $0) }
        }
    }
  }
}
