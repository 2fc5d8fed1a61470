import NeuralBrainCore

extension ForecastData {
  /// The forecast of the metric the derived metrics were computed from (else the first one).
  var primaryForecast: MetricForecast? {
    metrics.first { $0.metric == derived.primaryMetric } ?? metrics.first
  }
}
