import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainRender
import NeuralBrainStore

/// Scores the forecasts of past runs against what has since been observed, for `evaluation.html`.
///
/// Every stored forecast whose target end date the current data cover is scored with the hub
/// WIS, interval coverage and absolute error; the scores are kept in the store (evaluation
/// `site`) and summarized per model and horizon.
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
    return summarize(scored)
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
