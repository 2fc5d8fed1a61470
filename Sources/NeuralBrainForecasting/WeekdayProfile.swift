import Foundation
import NeuralBrainCore

/// Day-of-week factors of a daily series, and its aggregation into 7-day totals.
///
/// Daily reports carry strong weekday effects (fewer reports at weekends). The local model
/// forecasts 7-day totals, which are free of them, and re-applies these factors to spread each
/// week's total over its days.
struct WeekdayProfile: Sendable {
  /// Factors by position in a 7-day block ending on the last observed day (0 = oldest day),
  /// averaging 1.
  var factors: [Double]
  /// Root mean square of log(y + 1) − log(block mean · factor + 1) over the same blocks: the
  /// day-to-day noise a weekly total does not show.
  var noise: Double

  /// Totals of consecutive 7-day blocks ending at the last value, oldest first; a leading
  /// partial block is dropped.
  static func weeklyTotals(_ y: [Double]) -> [Double] {
    let blocks = y.count / 7
    let start = y.count - blocks * 7
    return (0..<blocks).map { block in
      let from = start + block * 7
      return y[from..<(from + 7)].reduce(0, +)
    }
  }

  /// Estimates the factors from the last `weeks` full blocks (ratio of each day to its block's
  /// mean, averaged); flat factors when there is no usable block.
  init(_ y: [Double], weeks: Int = 8) {
    let blocks = min(y.count / 7, weeks)
    var sums = [Double](repeating: 0, count: 7)
    var used = 0
    for block in 0..<blocks {
      let from = y.count - (block + 1) * 7
      let total = y[from..<(from + 7)].reduce(0, +)
      guard total > 0 else { continue }
      for position in 0..<7 { sums[position] += y[from + position] / (total / 7) }
      used += 1
    }
    guard used > 0 else {
      factors = [Double](repeating: 1, count: 7)
      noise = 0
      return
    }
    let mean = sums.reduce(0, +) / 7
    factors = sums.map { $0 / mean }
    var squares = 0.0
    for block in 0..<blocks {
      let from = y.count - (block + 1) * 7
      let blockMean = y[from..<(from + 7)].reduce(0, +) / 7
      for position in 0..<7 {
        let error = log1p(y[from + position]) - log1p(blockMean * factors[position])
        squares += error * error
      }
    }
    noise = (squares / Double(blocks * 7)).squareRoot()
  }

  /// Daily quantiles at `position` from quantiles of the week's total: the total's share for
  /// that weekday, widened on the log scale by the daily noise added in quadrature.
  func daily(fromWeekly quantiles: [Double], position: Int) -> [Double] {
    let center = log1p(quantiles[QuantileLevels.medianIndex] / 7 * factors[position])
    return quantiles.indices.map { level in
      let spread = log1p(quantiles[level] / 7 * factors[position]) - center
      let extra = NormalQuantile.hub[level] * noise
      let widened = (spread * spread + extra * extra).squareRoot()
      let side: Double = level < QuantileLevels.medianIndex ? -1 : (level > QuantileLevels.medianIndex ? 1 : 0)
      return max(0, expm1(center + side * widened))
    }.sorted()
  }
}
