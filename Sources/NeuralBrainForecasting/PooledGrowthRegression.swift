import Foundation
import NeuralBrainCore

/// Component D of the local model: direct regression of h-step log growth on recent growth,
/// pooled across all series of a batch (docs/models.md §6: least squares, residual quantiles).
///
/// The only cross-series component: regions of one batch share an epidemic's dynamics, so a
/// pooled fit learns how growth persists or fades better than one series can. Features are the
/// last two one-step growth rates, the drawdown from the maximum of the last 10 periods (a turned
/// epidemic) and the distance below the maximum of the last 52 periods (how close the series is
/// to a typical seasonal peak). Rows are weighted by a power of the count, so noisy small counts
/// do not dominate, and residual quantiles give the spread.
struct PooledGrowthRegression: Sendable {
  /// Per step: least-squares coefficients, or `nil` without enough training rows.
  var coefficients: [[Double]?]
  /// Per step: residual quantiles at the hub levels.
  var offsets: [[Double]]

  static let featureCount = 5
  /// Periods before an origin the short drawdown looks back over.
  static let drawdownWindow = 10
  /// Periods before an origin the seasonal maximum looks back over.
  static let seasonWindow = 52
  /// Most residuals (evenly subsampled) the offsets are computed from.
  static let maximumResidualRows = 4_000

  /// Fits one regression per step at each of the origins 0…`origins` periods before the end of
  /// every series (log scale): at origin k, series i contributes the rows t of the last `window`
  /// periods whose target t + step lies at or before n_i − 1 − k. `design[i]` is
  /// `featureRows(logs[i])`, which the caller keeps for the replay. Returns the fits by origin.
  ///
  /// Normal equations slide from one origin to the next (one row leaves, one enters per series),
  /// so the cost does not grow with `window`; the loops run series by series, every origin of a
  /// series while its rows are in cache (origin by origin, every series' rows were fetched from
  /// memory 31 times a step).
  static func fit(
    _ logs: [[Double]], design: [[Double]], steps: Int, window: Int, weightPower: Double, origins: Int
  ) -> [PooledGrowthRegression] {
    let p = featureCount
    let width = p * p + p
    let backs = max(origins, 0) + 1
    var fits = [PooledGrowthRegression](
      repeating: PooledGrowthRegression(coefficients: [], offsets: []), count: backs)
    // The rows series i contributes at origin `back`: t in lower...upper (empty when lower > upper).
    func rows(_ n: Int, back: Int, step: Int) -> (lower: Int, upper: Int) {
      (max(2, n - back - step - window), n - back - 1 - step)
    }
    for step in stride(from: 1, through: steps, by: 1) {
      // Series by series (its rows stay in cache), every origin: the normal equations of all
      // series at origin k are `totals[k·width...]`, summed in series order.
      var totals = [Double](repeating: 0, count: backs * width)
      var rowCounts = [Int](repeating: 0, count: backs)
      var sums = [Double](repeating: 0, count: width)
      for (series, z) in logs.enumerated() {
        let n = z.count
        for index in sums.indices { sums[index] = 0 }
        design[series].withUnsafeBufferPointer { x in
          func accumulate(_ t: Int, _ sign: Double) {
            let weight = sign * exp(z[t] * weightPower)
            let y = z[t + step] - z[t]
            let rowStart = t * p
            for i in 0..<p {
              let xi = weight * x[rowStart + i]
              sums[p * p + i] += xi * y
              for j in 0..<p { sums[i * p + j] += xi * x[rowStart + j] }
            }
          }
          for back in 0..<backs {
            let (lower, upper) = rows(n, back: back, step: step)
            if back == 0 {
              if lower <= upper { for t in lower...upper { accumulate(t, 1) } }
            } else {
              let previous = rows(n, back: back - 1, step: step)
              if previous.upper >= previous.lower { accumulate(previous.upper, -1) }
              if lower < previous.lower && lower <= upper { accumulate(lower, 1) }
            }
            guard lower <= upper else { continue }
            rowCounts[back] += upper - lower + 1
            for index in 0..<width { totals[back * width + index] += sums[index] }
          }
        }
      }
      let betas = (0..<backs).map { back -> [Double]? in
        guard rowCounts[back] >= 4 * p else { return nil }
        return solve(
          Array(totals[(back * width)..<(back * width + p * p)]),
          Array(totals[(back * width + p * p)..<((back + 1) * width)]))
      }
      // Every `strides[k]`-th row of origin k, counting across the series in order: again series
      // by series.
      let strides = rowCounts.map { max(1, $0 / maximumResidualRows) }
      var residuals = [[Double]](repeating: [], count: backs)
      var counters = [Int](repeating: 0, count: backs)
      for (series, z) in logs.enumerated() {
        design[series].withUnsafeBufferPointer { x in
          for back in 0..<backs {
            let (lower, upper) = rows(z.count, back: back, step: step)
            guard let beta = betas[back], lower <= upper else { continue }
            let stride = strides[back]
            var t = lower + (stride - counters[back] % stride) % stride
            while t <= upper {
              let predicted = (0..<p).reduce(0.0) { $0 + beta[$1] * x[t * p + $1] }
              residuals[back].append(z[t + step] - z[t] - predicted)
              t += stride
            }
            counters[back] += upper - lower + 1
          }
        }
      }
      for back in 0..<backs {
        guard let beta = betas[back] else {
          fits[back].coefficients.append(nil)
          fits[back].offsets.append([])
          continue
        }
        let ranks = OrderStatistics.ranks(count: residuals[back].count, levels: QuantileLevels.hub)
        OrderStatistics.select(&residuals[back], ranks: ranks)
        fits[back].coefficients.append(beta)
        fits[back].offsets.append(QuantileLevels.hub.map { Quantile.type7(sorted: residuals[back], $0) })
      }
    }
    return fits
  }

  /// The median on the log scale `step` periods after a value `last` whose row has `features`
  /// (`features(in:at:)`, the same for every step); `nil` when unavailable.
  func median(last: Double, features x: ArraySlice<Double>, step: Int) -> Double? {
    guard step <= coefficients.count, let beta = coefficients[step - 1] else { return nil }
    return last + zip(beta, x).reduce(0) { $0 + $1.0 * $1.1 } + offsets[step - 1][QuantileLevels.medianIndex]
  }

  /// Quantiles `[step − 1][23]` on the log scale after the end of `z`; `nil` when any step is
  /// unavailable.
  func quantiles(_ z: [Double], steps: Int) -> [[Double]]? {
    guard z.count >= 3, steps <= coefficients.count else { return nil }
    let x = Self.features(z, at: z.count - 1)
    var out: [[Double]] = []
    for step in stride(from: 1, through: steps, by: 1) {
      guard let beta = coefficients[step - 1] else { return nil }
      let center = (z.last ?? 0) + zip(beta, x).reduce(0) { $0 + $1.0 * $1.1 }
      out.append(offsets[step - 1].map { center + $0 })
    }
    return out
  }

  /// `[1, g_t, g_{t−1}, z_t − max(last 10), z_t − max(last 52)]` with g_t = z_t − z_{t−1};
  /// requires t ≥ 2.
  static func features(_ z: [Double], at t: Int) -> [Double] {
    row(
      z, at: t, recentMax: z[max(0, t - drawdownWindow)...t].max() ?? z[t],
      seasonMax: z[max(0, t - seasonWindow)...t].max() ?? z[t])
  }

  /// Row t of `featureRows` output `rows`: `features(z, at: t)` without working the maxima out
  /// again.
  static func features(in rows: [Double], at t: Int) -> ArraySlice<Double> {
    rows[(t * featureCount)..<((t + 1) * featureCount)]
  }

  /// The features of row t, given the maxima of the last 10 and 52 periods up to t.
  private static func row(_ z: [Double], at t: Int, recentMax: Double, seasonMax: Double) -> [Double] {
    [1, z[t] - z[t - 1], z[t - 1] - z[t - 2], z[t] - recentMax, z[t] - seasonMax]
  }

  /// Features of every row t ≥ 2 of `z`, flattened (`featureCount` values per row; rows 0 and 1
  /// are zero). The window maxima slide, so the cost does not grow with the windows.
  static func featureRows(_ z: [Double]) -> [Double] {
    var rows = [Double](repeating: 0, count: z.count * featureCount)
    guard z.count > 2 else { return rows }
    let recent = slidingMaxima(z, window: drawdownWindow)
    let season = slidingMaxima(z, window: seasonWindow)
    for t in 2..<z.count {
      let values = row(z, at: t, recentMax: recent[t], seasonMax: season[t])
      for offset in 0..<featureCount { rows[t * featureCount + offset] = values[offset] }
    }
    return rows
  }

  /// `maxima[t]` = the largest of `z[max(0, t − window)...t]`, by a monotonic queue of indices
  /// whose values decrease (each index enters and leaves once).
  static func slidingMaxima(_ z: [Double], window: Int) -> [Double] {
    var maxima = [Double](repeating: 0, count: z.count)
    var queue = [Int](repeating: 0, count: z.count)
    var head = 0
    var tail = 0
    for t in z.indices {
      while tail > head && z[queue[tail - 1]] <= z[t] { tail -= 1 }
      queue[tail] = t
      tail += 1
      if queue[head] < t - window { head += 1 }
      maxima[t] = z[queue[head]]
    }
    return maxima
  }

  /// Solves the normal equations `a·x = b` (row-major, square) by Gaussian elimination with
  /// partial pivoting and a tiny ridge; `nil` when empty or singular.
  static func solve(_ a: [Double], _ b: [Double]) -> [Double]? {
    let n = b.count
    var m = a
    var rhs = b
    let trace = (0..<n).reduce(0) { $0 + m[$1 * n + $1] }
    guard trace > 0, trace.isFinite else { return nil }
    for i in 0..<n { m[i * n + i] += 1e-10 * trace }
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
