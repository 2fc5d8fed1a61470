import Foundation
import NeuralBrainCore

/// Component C of the local model: the standard Theta method, simple exponential smoothing with
/// half the linear-trend slope as drift (R `forecast::thetaf`, docs/models.md §5).
///
/// A robust, well-tested benchmark whose drift is steadier than the damped trend's.
struct Theta: Sendable {
  var alpha: Double
  var level: Double
  var drift: Double
  var count: Int
  var sigma: Double

  static let alphas: [Double] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99]

  /// Fits `z`; `nil` with fewer than 4 points.
  static func fit(_ z: [Double]) -> Theta? {
    let n = z.count
    guard n >= 4 else { return nil }
    var best = (alpha: alphas[0], level: z[0], sse: Double.infinity)
    for alpha in alphas {
      var level = z[0]
      var sse = 0.0
      for t in 1..<n {
        let error = z[t] - level
        sse += error * error
        level += alpha * error
      }
      if sse < best.sse { best = (alpha, level, sse) }
    }
    let meanT = Double(n - 1) / 2
    let meanZ = z.reduce(0, +) / Double(n)
    var sxy = 0.0
    var sxx = 0.0
    for t in 0..<n {
      sxy += (Double(t) - meanT) * (z[t] - meanZ)
      sxx += (Double(t) - meanT) * (Double(t) - meanT)
    }
    let slope = sxx > 0 ? sxy / sxx : 0
    return Theta(
      alpha: best.alpha, level: best.level, drift: slope / 2, count: n,
      sigma: (best.sse / Double(n - 1)).squareRoot())
  }

  /// ℓ_T + drift·((h − 1) + (1 − (1 − α)^n)/α).
  func median(step: Int) -> Double {
    level + drift * (Double(step - 1) + (1 - pow(1 - alpha, Double(count))) / alpha)
  }

  /// Normal quantiles `[step − 1][23]` on the log scale with se σ√(1 + (h − 1)α²).
  func quantiles(steps: Int) -> [[Double]] {
    (0..<max(steps, 0)).map { offset in
      let step = offset + 1
      let center = median(step: step)
      let se = sigma * (1 + Double(step - 1) * alpha * alpha).squareRoot()
      return NormalQuantile.hub.map { center + $0 * se }
    }
  }
}
