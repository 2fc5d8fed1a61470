import NeuralBrainCore

/// A continuous distribution read off a set of quantiles, so that probabilities of events
/// ("next week exceeds X") can be computed from a quantile forecast.
///
/// The quantile function is piecewise linear through the knots (0, 0), (qᵢ, τᵢ) and
/// (2·q_max, 1): counts are non-negative, and the mass above the top quantile is spread
/// linearly up to twice it. The CDF is its inverse, right-continuous at ties. Raising any
/// quantile never raises the CDF, which makes exceedance probabilities monotone in location.
struct QuantileDistribution: Sendable, Hashable {
  private let knots: [Double]
  private let levels: [Double]

  /// - Parameters:
  ///   - values: the quantiles at `levels`; non-finite or negative values count as 0 and the
  ///     values are sorted (quantile rearrangement) so the CDF stays well defined.
  init(values: [Double], levels: [Double] = QuantileLevels.hub) {
    let clean = values.prefix(levels.count).map { $0.isFinite ? max(0, $0) : 0 }.sorted()
    let top = clean.last ?? 0
    knots = [0] + clean + [2 * top]
    self.levels = [0] + Array(levels.prefix(clean.count)) + [1]
  }

  /// P(X ≤ x).
  func cdf(_ x: Double) -> Double {
    guard x.isFinite, x >= 0 else { return x == .infinity ? 1 : 0 }
    guard let last = knots.last, x < last else { return 1 }
    guard let index = knots.lastIndex(where: { $0 <= x }) else { return 0 }
    let lower = knots[index]
    let upper = knots[index + 1]
    let fraction = (x - lower) / (upper - lower)
    return levels[index] + fraction * (levels[index + 1] - levels[index])
  }

  /// P(X > x).
  func exceedance(_ x: Double) -> Double { min(1, max(0, 1 - cdf(x))) }
}
