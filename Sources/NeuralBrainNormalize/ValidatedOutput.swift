import NeuralBrainCore

/// A provider's output that passed every check of `OutputValidator` against one dataset and its
/// targets. Only `Normalizer.validate` makes one, so `Normalizer.derive` never sees unchecked
/// output and nothing is validated twice.
public struct ValidatedOutput: Sendable {
  public let output: ProviderOutput
  public let dataset: Dataset
  public let targets: ForecastTargets
  let forecasts: [SeriesKey: SeriesForecast]
}
