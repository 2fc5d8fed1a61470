import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainRender

extension EvaluationRow {
  /// A row of `evaluation.html` from one slice of a score summary.
  init(model: String, horizon: Int?, _ slice: ScoreSummary.Slice, referenceDate: Day? = nil) {
    self.init(
      model: model, horizon: horizon, count: slice.count, meanWIS: slice.meanWIS, coverage50: slice.coverage50,
      coverage95: slice.coverage95, relativeWIS: slice.relativeWIS, referenceDate: referenceDate)
  }
}
