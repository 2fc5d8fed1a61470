import NeuralBrainCore

/// Rolling-origin evaluation: forecast at each origin with what was known then, score against
/// what was observed later, and summarise per model with pairwise relative WIS.
///
/// Pure: callers load vintages and truth; this type only forecasts and scores.
public enum Backtest {
  /// Forecasts every origin with `model` and scores each step whose target is in `truth`, on
  /// `scale`.
  ///
  /// Series are forecast in region-id order from their filled values; the target end date of
  /// step s is the series' last date plus s periods, labelled with the hub horizon.
  public static func run(
    origins: [BacktestOrigin], truth: [String: [Day: Double]], model: BacktestModel, steps: Int,
    seed: UInt64, scale: ScoringScale = .natural
  ) -> [ScoredForecast] {
    var scored: [ScoredForecast] = []
    for origin in origins {
      let ids = origin.series.keys.sorted()
      let groups = Dictionary(grouping: ids) { origin.series[$0]?.frequency ?? .weekly }
      for frequency in [Frequency.weekly, .daily] {
        guard let members = groups[frequency] else { continue }
        let series = members.compactMap { origin.series[$0] }
        let forecasts = model.forecast(series.map(\.filledValues), frequency, steps, seed)
        let targets = ForecastTargets(frequency: frequency, steps: steps)
        for (index, item) in series.enumerated() where index < forecasts.count {
          for (offset, quantiles) in forecasts[index].enumerated() {
            let end = targets.targetEndDate(lastObserved: item.end, step: offset + 1)
            guard let observed = truth[members[index]]?[end] else { continue }
            scored.append(
              ScoredForecast(
                model: model.name, regionID: members[index], referenceDate: origin.referenceDate,
                horizon: targets.horizon(ofStep: offset + 1), targetEndDate: end,
                observed: scale.transform(observed), quantiles: quantiles.map(scale.transform)))
          }
        }
      }
    }
    return scored
  }

  /// Scores published hub forecasts whose target end date is in `truth` (keyed by location),
  /// on `scale`.
  public static func score(
    _ forecasts: [IssuedForecast], truth: [String: [Day: Double]], scale: ScoringScale = .natural
  ) -> [ScoredForecast] {
    forecasts.compactMap { issued in
      guard let observed = truth[issued.regionID]?[issued.forecast.targetEndDate] else { return nil }
      return ScoredForecast(
        model: issued.model, regionID: issued.regionID, referenceDate: issued.referenceDate,
        horizon: issued.forecast.horizon, targetEndDate: issued.forecast.targetEndDate,
        observed: scale.transform(observed), quantiles: issued.forecast.quantiles.map(scale.transform))
    }
  }

  /// Per-model summaries sorted by model name. Counts, means and coverage use each model's own
  /// forecasts; relative WIS compares each model with `baseline` pairwise on shared targets,
  /// overall and per horizon (nil without a baseline).
  public static func summarize(_ forecasts: [ScoredForecast], baseline: String?) -> [ScoreSummary] {
    let byModel = Dictionary(grouping: forecasts, by: \.model)
    func relative(_ subset: [String: [ScoredForecast]]) -> [String: Double] {
      let scores = subset.mapValues { items in
        Dictionary(items.map { ($0.target, $0.wis) }, uniquingKeysWith: { first, _ in first })
      }
      return baseline.map { RelativeSkill.pairwise(scores, baseline: $0) } ?? [:]
    }
    let overall = relative(byModel)
    let horizons = Set(forecasts.map(\.horizon)).sorted()
    var perHorizon: [Int: [String: Double]] = [:]
    for horizon in horizons {
      perHorizon[horizon] = relative(byModel.mapValues { $0.filter { $0.horizon == horizon } })
    }
    return byModel.keys.sorted().map { model in
      let items = byModel[model] ?? []
      var slices: [Int: ScoreSummary.Slice] = [:]
      for (horizon, group) in Dictionary(grouping: items, by: \.horizon) {
        slices[horizon] = ScoreSummary.Slice(group, relativeWIS: perHorizon[horizon]?[model])
      }
      return ScoreSummary(
        model: model, overall: ScoreSummary.Slice(items, relativeWIS: overall[model]), byHorizon: slices)
    }
  }
}
