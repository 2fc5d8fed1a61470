import Foundation
import NeuralBrainCore

/// Rolling-origin conformal calibration of interval widths on the log scale (docs/models.md §7).
///
/// Component spreads are model-based and often too narrow or too wide for epidemic data; the
/// empirical quantiles of recent out-of-sample errors of the combined median, pooled per step
/// across the series of a batch and stratified by level, correct them without a parametric model.
struct ConformalCalibration: Sendable {
  /// One out-of-sample error: log observed − log median, at a step, from an origin at a level,
  /// divided by the series' volatility at that origin (so errors of calm and turbulent series
  /// are comparable and the offsets scale with each series' current volatility).
  struct Residual: Sendable {
    var level: Double
    var step: Int
    var error: Double
  }

  /// The volatility of a log-scale series at its end: root mean square of its last `window`
  /// changes plus the Poisson variance 1/(count + 1) of its last value.
  static func volatility(_ z: [Double], window: Int) -> Double {
    guard window > 0 else { return 1 }
    let span = min(window, z.count - 1)
    var squares = 0.0
    if span > 0 {
      for t in (z.count - span)..<z.count { squares += (z[t] - z[t - 1]) * (z[t] - z[t - 1]) }
      squares /= Double(span)
    }
    return (squares + exp(-(z.last ?? 0))).squareRoot()
  }

  /// Most errors (evenly subsampled) one set of offsets is computed from; large batches need
  /// no more for stable hub quantiles.
  static let maximumErrors = 5_000

  /// Upper level bounds of all bins but the last (ascending).
  var thresholds: [Double]
  /// `offsets[bin][step − 1]`: error quantiles at the hub levels, `nil` when too few errors.
  var offsets: [[[Double]?]]

  /// Pools `residuals` per step into `bins` level bins split at the quantiles of `levels`
  /// (the batch's current levels); a bin with fewer than `minimumCount` errors of a step falls
  /// back to all bins of that step, and a step with fewer errors has no offsets.
  init(residuals: [Residual], levels: [Double], bins: Int, steps: Int, minimumCount: Int) {
    let binCount = max(1, min(bins, levels.count / 4))
    let sortedLevels = levels.sorted()
    thresholds = (1..<binCount).map { Quantile.type7(sorted: sortedLevels, Double($0) / Double(binCount)) }
    var pooled = [[Double]](repeating: [], count: steps)
    var binned = [[[Double]]](repeating: [[Double]](repeating: [], count: steps), count: binCount)
    let thresholds = thresholds
    for residual in residuals where residual.step >= 1 && residual.step <= steps && residual.error.isFinite {
      pooled[residual.step - 1].append(residual.error)
      binned[Self.bin(residual.level, thresholds)][residual.step - 1].append(residual.error)
    }
    func quantiles(_ errors: [Double]) -> [Double]? {
      guard errors.count >= minimumCount else { return nil }
      let stride = max(1, errors.count / Self.maximumErrors)
      let sample = stride == 1 ? errors : Swift.stride(from: 0, to: errors.count, by: stride).map { errors[$0] }
      return Quantile.type7(sample, levels: QuantileLevels.hub)
    }
    let overall = pooled.map(quantiles)
    offsets = binned.map { perStep in
      perStep.indices.map { index in quantiles(perStep[index]) ?? overall[index] }
    }
  }

  /// The error quantiles for a series at `level`, `step` periods ahead; `nil` when unknown.
  func offsets(level: Double, step: Int) -> [Double]? {
    let row = offsets[Self.bin(level, thresholds)]
    return step >= 1 && step <= row.count ? row[step - 1] : nil
  }

  private static func bin(_ level: Double, _ thresholds: [Double]) -> Int {
    thresholds.firstIndex { level <= $0 } ?? thresholds.count
  }
}
