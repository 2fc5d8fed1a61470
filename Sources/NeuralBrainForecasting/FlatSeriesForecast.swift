import NeuralBrainCore

/// The forecast for a series with no variation (constant, often all zeros), where every
/// statistical component would produce a zero-width interval.
///
/// The median stays on the value and the spread is a Poisson-like floor, √max(value, 1) per
/// standard deviation, so counts that have been zero can still become small positive counts.
enum FlatSeriesForecast {
  static func quantiles(value: Double, steps: Int) -> [[Double]] {
    let level = max(value, 0)
    let sd = max(level, 1).squareRoot()
    let row = NormalQuantile.hub.map { max(0, level + $0 * sd) }
    return [[Double]](repeating: row, count: max(steps, 0))
  }
}
