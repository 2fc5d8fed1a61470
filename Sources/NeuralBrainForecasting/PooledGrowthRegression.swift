import Foundation
import NeuralBrainCore

/// Component D of the local model: direct regression of h-step log growth on recent growth,
/// pooled across all series of a batch (forecasting.md §2.6, option A).
///
/// The only cross-series component: regions of one batch share an epidemic's dynamics, so a
/// pooled fit on recent origins learns how growth persists or fades better than one series can.
/// Features are the last two one-step growth rates and the drawdown from the recent maximum
/// (which marks a turned epidemic); rows can be weighted by a power of the count so that noisy
/// small counts do not dominate the fit.
struct PooledGrowthRegression: Sendable {
  /// Per step: least-squares coefficients, or `nil` without enough training rows.
  var coefficients: [[Double]?]
  /// Per step: residual quantiles at the hub levels.
  var offsets: [[Double]]

  /// Points before an origin the drawdown looks back over.
  static let drawdownWindow = 10
  static let featureCount = 5

  /// Fits one regression per step on the origins of the last `window` periods of every series
  /// in `series` (log scale) whose target is observed, each row weighted by (count + 1)^`weightPower`
  /// and, when `halfLife` > 0, halved every `halfLife` periods of age.
  static func fit(
    _ series: [[Double]], steps: Int, window: Int, weightPower: Double, halfLife: Double
  ) -> PooledGrowthRegression {
    var coefficients: [[Double]?] = []
    var offsets: [[Double]] = []
    let p = featureCount
    for step in 1...max(steps, 1) where step <= steps {
      var xtx = [Double](repeating: 0, count: p * p)
      var xty = [Double](repeating: 0, count: p)
      var rows: [(x: [Double], y: Double)] = []
      for z in series {
        let n = z.count
        let first = max(2, n - step - window)
        guard first <= n - 1 - step else { continue }
        for t in first...(n - 1 - step) {
          let x = features(z, at: t)
          let y = z[t + step] - z[t]
          let age = Double(n - 1 - step - t)
          let weight = exp(z[t] * weightPower) * (halfLife > 0 ? exp2(-age / halfLife) : 1)
          rows.append((x, y))
          for i in 0..<p {
            xty[i] += weight * x[i] * y
            for j in 0..<p { xtx[i * p + j] += weight * x[i] * x[j] }
          }
        }
      }
      guard rows.count >= 4 * p, let beta = solve(xtx, xty) else {
        coefficients.append(nil)
        offsets.append([])
        continue
      }
      let residuals = rows.map { $0.y - dot(beta, $0.x) }.sorted()
      coefficients.append(beta)
      offsets.append(QuantileLevels.hub.map { Quantile.type7(sorted: residuals, $0) })
    }
    return PooledGrowthRegression(coefficients: coefficients, offsets: offsets)
  }

  /// The median on the log scale `step` periods after the end of `z`; `nil` when unavailable.
  func median(_ z: [Double], step: Int) -> Double? {
    guard z.count >= 3, step <= coefficients.count, let beta = coefficients[step - 1] else { return nil }
    return (z.last ?? 0) + Self.dot(beta, Self.features(z, at: z.count - 1))
      + offsets[step - 1][QuantileLevels.medianIndex]
  }

  /// Quantiles `[step − 1][23]` on the log scale; `nil` when any step is unavailable.
  func quantiles(_ z: [Double], steps: Int) -> [[Double]]? {
    guard z.count >= 3, steps <= coefficients.count else { return nil }
    let x = Self.features(z, at: z.count - 1)
    var out: [[Double]] = []
    for step in 1...max(steps, 1) where step <= steps {
      guard let beta = coefficients[step - 1] else { return nil }
      let center = (z.last ?? 0) + Self.dot(beta, x)
      out.append(offsets[step - 1].map { center + $0 })
    }
    return out
  }

  /// `[1, z_t − z_{t−1}, z_{t−1} − z_{t−2}, z_t − max(recent z)]`; requires t ≥ 2.
  static func features(_ z: [Double], at t: Int) -> [Double] {
    let recentMax = z[max(0, t - drawdownWindow)...t].max() ?? z[t]
    let yearMax = z[max(0, t - 52)...t].max() ?? z[t]
    return [1, z[t] - z[t - 1], z[t - 1] - z[t - 2], z[t] - recentMax, z[t] - yearMax]
  }

  private static func dot(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// Solves the normal equations `a·x = b` (row-major, square) by Gaussian elimination with
  /// partial pivoting and a tiny ridge; `nil` when singular.
  static func solve(_ a: [Double], _ b: [Double]) -> [Double]? {
    let n = b.count
    var m = a
    var rhs = b
    let ridge = 1e-8 * ((0..<n).reduce(0) { $0 + m[$1 * n + $1] } + 1)
    for i in 0..<n { m[i * n + i] += ridge }
    for column in 0..<n {
      guard let pivot = (column..<n).max(by: { abs(m[$0 * n + column]) < abs(m[$1 * n + column]) }),
        abs(m[pivot * n + column]) > 1e-300
      else { return nil }
      if pivot != column {
        for k in 0..<n { m.swapAt(pivot * n + k, column * n + k) }
        rhs.swapAt(pivot, column)
      }
      for row in (column + 1)..<n {
        let factor = m[row * n + column] / m[column * n + column]
        guard factor != 0 else { continue }
        for k in column..<n { m[row * n + k] -= factor * m[column * n + k] }
        rhs[row] -= factor * rhs[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = rhs[row]
      for k in (row + 1)..<n { sum -= m[row * n + k] * x[k] }
      x[row] = sum / m[row * n + row]
    }
    return x.allSatisfy(\.isFinite) ? x : nil
  }
}
