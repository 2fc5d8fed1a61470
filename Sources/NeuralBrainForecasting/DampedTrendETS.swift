import Foundation
import NeuralBrainCore

/// Component B of the local model: exponential smoothing with a damped additive trend,
/// ETS(A,Ad,N), with analytic prediction variance (docs/models.md §4).
///
/// Fitted on the log scale by a deterministic grid search (per series, or pooled across the
/// series of a batch), it follows a growth phase but lets the trend fade (φ ≤ 0.98), which
/// suits epidemic curves near their turns.
struct DampedTrendETS: Sendable {
  var alpha: Double
  var beta: Double
  var phi: Double
  var level: Double
  var trend: Double
  var variance: Double

  /// The smoothing parameters of the model.
  struct Parameters: Sendable, Hashable {
    var alpha: Double
    var beta: Double
    var phi: Double

    static let alphas: [Double] = [0.2, 0.4, 0.6, 0.8, 0.95]
    static let betaFractions: [Double] = [0.05, 0.2, 0.5]
    static let phis: [Double] = [0.8, 0.9, 0.98]

    /// The grid point whose 1…`horizon`-step forecasts, from every origin of every series of
    /// at least 6 points, have the least squared error; each series' errors are weighted by
    /// its last count (e^z), so the series that dominate count-scale scores choose.
    ///
    /// One series and `horizon` 1 is the classical fit (least one-step SSE). Many series pool
    /// the choice across regions (docs/models.md §9.1), which a 6-point window per series needs.
    static func select(for series: [[Double]], horizon: Int, weightByLevel: Bool) -> Parameters {
      var best = Parameters(alpha: alphas[0], beta: alphas[0] * betaFractions[0], phi: phis[0])
      var bestLoss = Double.infinity
      let usable = series.filter { $0.count >= 6 }
      let weights = usable.map { weightByLevel ? exp($0[$0.count - 1]) : 1 }
      for alpha in alphas {
        for fraction in betaFractions {
          for phi in phis {
            let candidate = Parameters(alpha: alpha, beta: alpha * fraction, phi: phi)
            var loss = 0.0
            for (z, weight) in zip(usable, weights) {
              loss += weight * candidate.squaredError(z, horizon: horizon)
            }
            if loss < bestLoss {
              bestLoss = loss
              best = candidate
            }
          }
        }
      }
      return best
    }

    /// Sum of squared 1…`horizon`-step errors of the filter run over `z` (at least 2 points).
    func squaredError(_ z: [Double], horizon: Int) -> Double {
      filter(z, horizon: horizon).loss
    }

    /// Runs the filter over `z` (at least 2 points) from ℓ₀ = z₁, b₀ = z₂ − z₁: the sum of
    /// squared 1…`horizon`-step errors from every origin, and the final level and trend.
    func filter(_ z: [Double], horizon: Int) -> (loss: Double, level: Double, trend: Double) {
      var level = z[0]
      var trend = z[1] - z[0]
      var loss = 0.0
      for t in 1..<z.count {
        var damping = 0.0
        var power = 1.0
        for ahead in 0..<min(horizon, z.count - t) {
          power *= phi
          damping += power
          let error = z[t + ahead] - (level + damping * trend)
          loss += error * error
        }
        let error = z[t] - (level + phi * trend)
        level += phi * trend + alpha * error
        trend = phi * trend + beta * error
      }
      return (loss, level, trend)
    }
  }

  /// Fits `z` by minimising the one-step SSE over the grid; `nil` with fewer than 6 points.
  static func fit(_ z: [Double]) -> DampedTrendETS? {
    fit(z, parameters: .select(for: [z], horizon: 1, weightByLevel: false))
  }

  /// Runs the filter over `z` with `parameters` to its final state; `nil` with fewer than 6
  /// points. σ² is the SSE of the T − 1 one-step errors over T − 6 degrees of freedom (at
  /// least 1): three smoothing parameters and two initial states are estimated.
  static func fit(_ z: [Double], parameters: Parameters) -> DampedTrendETS? {
    guard z.count >= 6 else { return nil }
    let state = parameters.filter(z, horizon: 1)
    return DampedTrendETS(
      alpha: parameters.alpha, beta: parameters.beta, phi: parameters.phi, level: state.level,
      trend: state.trend, variance: state.loss / Double(max(z.count - 1 - 5, 1)))
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
