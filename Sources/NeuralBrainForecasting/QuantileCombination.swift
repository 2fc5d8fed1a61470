/// Quantile-wise combination of component forecasts (Vincentisation, docs/models.md §8).
///
/// The hub ensembles and the trends ensemble take the median of each quantile across models,
/// which is robust to one component being badly off.
enum QuantileCombination {
  /// The median across `forecasts[component][step][level]`, per step and level.
  static func median(_ forecasts: [[[Double]]]) -> [[Double]] {
    guard let first = forecasts.first else { return [] }
    guard forecasts.count > 1 else { return first }
    var buffer = [Double](repeating: 0, count: forecasts.count)
    return first.indices.map { step in
      first[step].indices.map { level in
        for component in forecasts.indices { buffer[component] = forecasts[component][step][level] }
        return Quantile.median(sorting: &buffer)
      }
    }
  }
}
