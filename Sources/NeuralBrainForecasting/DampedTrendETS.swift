import NeuralBrainCore

/// Component B of the local model: exponential smoothing with a damped additive trend,
/// ETS(A,Ad,N), with analytic prediction variance (forecasting.md §2.4).
///
/// Fitted on the log scale by a deterministic grid search, it follows a growth phase but lets
/// the trend fade (φ ≤ 0.98), which suits epidemic curves near their turns.
struct DampedTrendETS: Sendable {
  var alpha: Double
  var beta: Double
  var phi: Double
  var level: Double
  var trend: Double
  var variance: Double

  static let alphas: [Double] = [0.2, 0.4, 0.6, 0.8, 0.95]
  static let betaFractions: [Double] = [0.05, 0.2, 0.5]
  static let phis: [Double] = [0.8, 0.9, 0.98]

  /// Fits `z` by minimising the one-step SSE over the grid; `nil` with fewer than 6 points.
  static func fit(_ z: [Double]) -> DampedTrendETS? {
    guard z.count >= 6 else { return nil }
    var best: DampedTrendETS?
    var bestSSE = Double.infinity
    for alpha in alphas {
      for fraction in betaFractions {
        for phi in phis {
          let beta = alpha * fraction
          var level = z[0]
          var trend = z[1] - z[0]
          var sse = 0.0
          for t in 1..<z.count {
            let error = z[t] - (level + phi * trend)
            sse += error * error
            level += phi * trend + alpha * error
            trend = phi * trend + beta * error
          }
          if sse < bestSSE {
            bestSSE = sse
            best = DampedTrendETS(alpha: alpha, beta: beta, phi: phi, level: level, trend: trend, variance: 0)
          }
        }
      }
    }
    best?.variance = bestSSE / Double(max(z.count - 1 - 5, 1))
    return best
  }

  /// Point forecast (the median on the log scale) `step` periods ahead.
  func median(step: Int) -> Double {
    var damping = 0.0
    var power = 1.0
    for _ in 0..<step {
      power *= phi
      damping += power
    }
    return level + damping * trend
  }

  /// Forecast variance `step` periods ahead: σ²[1 + Σ_{j<h} (α + β(φ + … + φ^j))²].
  func variance(step: Int) -> Double {
    var sum = 1.0
    var damping = 0.0
    var power = 1.0
    for _ in 1..<max(step, 1) {
      power *= phi
      damping += power
      let c = alpha + beta * damping
      sum += c * c
    }
    return variance * sum
  }

  /// Normal quantiles `[step − 1][23]` on the log scale.
  func quantiles(steps: Int) -> [[Double]] {
    (0..<max(steps, 0)).map { offset in
      let step = offset + 1
      let center = median(step: step)
      let sd = variance(step: step).squareRoot()
      return NormalQuantile.hub.map { center + $0 * sd }
    }
  }
}
