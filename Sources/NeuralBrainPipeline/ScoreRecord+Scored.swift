import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainRender
import NeuralBrainStore

// MARK: - Scores between the scorer, the store and the evaluation page

extension ScoreRecord {
  /// The stored form of one scored forecast.
  init(evaluation: String, _ scored: ScoredForecast) {
    self.init(
      evaluation: evaluation, model: scored.model, regionID: scored.regionID, referenceDate: scored.referenceDate,
      horizon: scored.horizon, targetEndDate: scored.targetEndDate, observed: scored.observed, wis: scored.wis,
      absoluteError: scored.absoluteError, covered50: scored.covered50, covered95: scored.covered95)
  }
}

extension ScoredForecast {
  /// A stored score; nil when its dates do not parse.
  init?(record: ScoreRecord) {
    guard let reference = Day(iso: record.referenceDate), let end = Day(iso: record.targetEndDate) else { return nil }
    self.init(
      model: record.model, regionID: record.regionID, referenceDate: reference, horizon: record.horizon,
      targetEndDate: end, observed: record.observed, wis: record.wis, absoluteError: record.absoluteError,
      covered50: record.covered50, covered95: record.covered95)
  }
}

extension EvaluationRow {
  /// A row of `evaluation.html` from one slice of a score summary.
  init(model: String, horizon: Int?, _ slice: ScoreSummary.Slice) {
    self.init(
      model: model, horizon: horizon, count: slice.count, meanWIS: slice.meanWIS, coverage50: slice.coverage50,
      coverage95: slice.coverage95, relativeWIS: slice.relativeWIS)
  }
}
