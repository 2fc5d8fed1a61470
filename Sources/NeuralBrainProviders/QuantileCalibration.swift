import Foundation
import NeuralBrainCore

/// Fills the quantile levels a provider did not give from the calibrated spread of the embedded
/// model: its log-scale offsets around its own median, re-centred on the provider's median.
///
/// This is calibration, not an ensemble: the median and every level the provider gave stay the
/// provider's; only the missing levels borrow the local model's shape.
enum QuantileCalibration {
  /// One horizon: `provided` values by hub index (median included), `local` the embedded model's
  /// 23 quantiles for the same horizon. Returns 23 non-decreasing, non-negative values.
  static func fill(provided: [Int: Double], local: [Double]) -> [Double] {
    let levels = QuantileLevels.hub
    let medianIndex = QuantileLevels.medianIndex
    let median = provided[medianIndex] ?? local[medianIndex]
    let localMedian = log1p(max(local[medianIndex], 0))
    var out = levels.indices.map { index -> Double in
      if let value = provided[index] { return value }
      let offset = log1p(max(local[index], 0)) - localMedian
      return max(0, expm1(log1p(median) + offset))
    }
    // Keep the provider's values fixed; squeeze filled ones between their provided neighbours.
    for index in levels.indices where provided[index] == nil {
      let below = provided.filter { $0.key < index }.map(\.value).max() ?? 0
      let above = provided.filter { $0.key > index }.map(\.value).min() ?? .infinity
      out[index] = min(max(out[index], below), above)
    }
    for index in out.indices.dropFirst() { out[index] = max(out[index], out[index - 1]) }
    return out
  }
}
