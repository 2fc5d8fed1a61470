import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainRender
import NeuralBrainStore

/// Scores the forecasts of past runs against what has since been observed, for `evaluation.html`.
///
/// Every stored forecast whose target end date the current data cover is scored with the hub
/// WIS, interval coverage and absolute error; the scores are kept in the store (evaluation
/// `site`) and summarized per model and horizon. Scores of the last `neuralbrain backtest`
/// (evaluation `backtest`) are listed after them, with relative WIS against their baseline.
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
    var scored: [ScoredForecast] = []
    var records: [ScoreRecord] = []
    for forecast in stored {
      let key = ObservationKey(regionID: forecast.regionID, metric: forecast.metric, date: forecast.horizon.targetEndDate)
      guard let value = observed[key] else { continue }
      let score = ScoredForecast(
        model: forecast.provider + "/" + forecast.model,
        regionID: forecast.regionID + "/" + forecast.metric.rawValue,
        referenceDate: forecast.referenceDate, horizon: forecast.horizon.horizon,
        targetEndDate: forecast.horizon.targetEndDate, observed: value,
        quantiles: forecast.horizon.quantiles)
      scored.append(score)
      records.append(
        ScoreRecord(
          evaluation: "site", model: score.model, regionID: score.regionID, referenceDate: score.referenceDate,
          horizon: score.horizon, targetEndDate: score.targetEndDate, observed: value, wis: score.wis,
          absoluteError: score.absoluteError, covered50: score.covered50, covered95: score.covered95))
    }
    try database.replaceScores(evaluation: "site", with: records)
    return summarize(scored) + backtestRows(try database.scores(evaluation: "backtest"))
  }

  /// Summaries of the stored backtest, named `backtest: <model>`.
  static func backtestRows(_ records: [ScoreRecord]) -> [EvaluationRow] {
    let scored = records.compactMap { record -> ScoredForecast? in
      guard let reference = Day(iso: record.referenceDate), let end = Day(iso: record.targetEndDate) else { return nil }
      return ScoredForecast(
        model: record.model, regionID: record.regionID, referenceDate: reference, horizon: record.horizon,
        targetEndDate: end, observed: record.observed, wis: record.wis, absoluteError: record.absoluteError,
        covered50: record.covered50, covered95: record.covered95)
    }
    let models = Set(scored.map(\.model))
    guard let baseline = models.sorted().first(where: { $0.lowercased().contains("baseline") }) else {
      return summarize(scored).map { row in
        var named = row
        named.model = "backtest: " + row.model
        return named
      }
    }
    return Backtest.summarize(scored, baseline: baseline).flatMap { summary in
      let overall = EvaluationRow(
        model: "backtest: " + summary.model, horizon: nil, count: summary.count, meanWIS: summary.meanWIS,
        coverage50: summary.coverage50, coverage95: summary.coverage95, relativeWIS: summary.relativeWIS)
      return [overall] + summary.byHorizon.keys.sorted().compactMap { horizon in
        summary.byHorizon[horizon].map {
          EvaluationRow(
            model: "backtest: " + summary.model, horizon: horizon, count: $0.count, meanWIS: $0.meanWIS,
            coverage50: $0.coverage50, coverage95: $0.coverage95, relativeWIS: $0.relativeWIS)
        }
      }
    }
  }

  static func summarize(_ scored: [ScoredForecast]) -> [EvaluationRow] {
    var rows: [EvaluationRow] = []
    for model in Set(scored.map(\.model)).sorted() {
      let mine = scored.filter { $0.model == model }
      rows.append(row(model: model, horizon: nil, mine))
      for horizon in Set(mine.map(\.horizon)).sorted() {
        rows.append(row(model: model, horizon: horizon, mine.filter { $0.horizon == horizon }))
      }
    }
    return rows
  }

  static func row(model: String, horizon: Int?, _ scores: [ScoredForecast]) -> EvaluationRow {
    let slice = ScoreSummary.Slice(scores, relativeWIS: nil)
    return EvaluationRow(
      model: model, horizon: horizon, count: slice.count, meanWIS: slice.meanWIS,
      coverage50: slice.coverage50, coverage95: slice.coverage95)
  }
}
