import Foundation
import NeuralBrainCore

/// The embedded statistical forecaster behind the `local` provider (forecasting.md §6).
///
/// On a log(y + 1) scale it takes the quantile-wise median of four cheap components — the
/// trends quantile-baseline grid, damped-trend ETS, Theta and a growth regression pooled across
/// the batch — then calibrates the intervals with rolling-origin conformal offsets. Daily data are
/// forecast as 7-day totals and spread over days with weekday factors. Pure and deterministic.
public struct LocalForecaster: Sendable {
  /// A component of the median ensemble.
  public enum Component: String, Sendable, Hashable, CaseIterable, Codable {
    case trends, dampedTrend, theta, pooledGrowth
  }

  /// Tunables; the defaults are the values tuned on the FluSight 2023-24 backtest.
  public struct Configuration: Sendable, Hashable {
    /// Components combined by the quantile-wise median.
    public var components: Set<Component> = Set(Component.allCases)
    /// Recent-change windows of the trends variants (each symmetrised and not).
    public var trendWindows = [3, 4]
    /// Most recent points the ETS and Theta components are fitted on.
    public var fitWindow = 26
    /// Recent origins per series the pooled growth regression is trained on.
    public var regressionWindow = 10
    /// Rows of the pooled regression are weighted by (count + 1) to this power.
    public var regressionWeightPower = 0.5
    /// Age in periods at which a training row of the pooled regression counts half (0 = no decay).
    public var regressionHalfLife = 0.0
    /// Past origins whose out-of-sample errors calibrate the intervals (0 disables calibration).
    public var calibrationOrigins = 12
    /// Recent changes the calibration errors are scaled by (0 = unscaled errors).
    public var volatilityWindow = 4
    /// Level bins of the calibration pool.
    public var calibrationBins = 3
    /// Fewest errors per (bin, step) for the pool to be used.
    public var minimumCalibrationErrors = 20
    /// Weight of the ensemble's own spread against the conformal spread (1 = no calibration).
    public var spreadBlend = 0.5
    /// Damping φ of a predicted decrease from the last value: step h keeps the share
    /// (1 + φ + … + φ^(h−1))/h of it (1 = undamped).
    public var declineDamping = 1.0
    /// Damping φ of a predicted increase. Growth on the log scale overshoots at epidemic peaks,
    /// while declines are steady, so increases are damped more.
    public var growthDamping = 1.0
    /// Multiplier on the final spread around the median.
    public var spreadScale = 1.0
    /// Share of the calibration errors' median added to the forecast median (bias correction).
    public var biasCorrection = 0.0
    /// Monte Carlo paths per trends variant.
    public var trendsSimulations = 300
    /// Shorter series get the FluSight baseline.
    public var minimumLength = 6

    public init() {}
  }

  public var configuration: Configuration

  public init(configuration: Configuration = .init()) { self.configuration = configuration }

  /// Model id shown on pages.
  public var modelID: String { "local-ensemble-v1" }

  /// One-line method description shown on pages.
  public var methodDescription: String {
    "Median of four log-scale models (trend baselines, damped-trend ETS, Theta, pooled growth "
      + "regression) with conformally calibrated intervals from recent forecast errors."
  }

  /// `series[i]` are incident counts on a regular grid, no gaps (already filled), oldest first,
  /// possibly of different lengths. Returns `[series][step-1][23]` quantiles at QuantileLevels.hub.
  public func forecast(_ series: [[Double]], frequency: Frequency, steps: Int, seed: UInt64) -> [[[Double]]] {
    guard steps > 0 else { return series.map { _ in [] } }
    let clean = series.map { $0.map { $0.isFinite ? max($0, 0) : 0 } }
    switch frequency {
    case .weekly: return forecastPeriods(clean, steps: steps, seed: seed)
    case .daily: return forecastDays(clean, steps: steps, seed: seed)
    }
  }

  // MARK: - Weekly (or any single-period) series

  /// Forecasts non-negative series period by period.
  func forecastPeriods(_ series: [[Double]], steps: Int, seed: UInt64) -> [[[Double]]] {
    var out = [[[Double]]](repeating: [], count: series.count)
    var regular: [Int] = []
    for (index, y) in series.enumerated() {
      guard let last = y.last else {
        out[index] = FlatSeriesForecast.quantiles(value: 0, steps: steps)
        continue
      }
      if y.allSatisfy({ $0 == last }) {
        out[index] = FlatSeriesForecast.quantiles(value: last, steps: steps)
      } else if y.count < max(configuration.minimumLength, 6) {
        out[index] = FluSightBaseline.flusightBaseline(
          y, steps: steps, seed: seed &+ UInt64(index), simulations: configuration.trendsSimulations * 10)
      } else {
        regular.append(index)
      }
    }
    guard !regular.isEmpty else { return out }
    let history = max(configuration.fitWindow, configuration.regressionWindow + steps + 3)
    let logs = regular.map { series[$0].map { log1p($0) } }
    let records = pastForecasts(logs, steps: steps, history: history)
    let calibration = calibration(records, levels: logs.compactMap(\.last), steps: steps)
    let pooled = pooledFit(logs.map { Array($0.suffix(history)) }, steps: steps)
    for (position, index) in regular.enumerated() {
      let z = Array(logs[position].suffix(history))
      var generator = SeededGenerator.derived(seed: seed, index: index)
      let trends = TrendsEnsemble.quantiles(
        z, steps: steps, windows: configuration.trendWindows, simulations: configuration.trendsSimulations,
        generator: &generator)
      var components: [[[Double]]] = []
      if configuration.components.contains(.trends) { components.append(trends) }
      if configuration.components.contains(.dampedTrend), let ets = fitWindowed(z, DampedTrendETS.fit) {
        components.append(ets.quantiles(steps: steps))
      }
      if configuration.components.contains(.theta), let theta = fitWindowed(z, Theta.fit) {
        components.append(theta.quantiles(steps: steps))
      }
      if let pooled, let regression = pooled.quantiles(z, steps: steps) { components.append(regression) }
      let combined = QuantileCombination.median(components.isEmpty ? [trends] : components)
      let scale = ConformalCalibration.volatility(z, window: configuration.volatilityWindow)
      let calibrated = combined.enumerated().map { offset, row in
        adjust(
          row, last: z.last ?? 0, step: offset + 1,
          offsets: calibration?.offsets(level: z.last ?? 0, step: offset + 1).map { $0.map { $0 * scale } })
      }
      let counts = calibrated.map { row in row.map { max(0, expm1(max($0, 0))) } }
      out[index] = counts.allSatisfy({ $0.allSatisfy(\.isFinite) })
        ? counts : trends.map { $0.map { max(0, expm1(max($0, 0))) }.sorted() }
    }
    return out
  }

  /// One past forecast of the combined median on the log scale, replayed at an earlier origin.
  struct PastForecast {
    var step: Int
    /// Periods before the end of the series the origin lies.
    var back: Int
    var last: Double
    var median: Double
    var observed: Double
    var volatility: Double
  }

  /// Replays the combined median at the last `calibrationOrigins` origins of every series.
  func pastForecasts(_ logs: [[Double]], steps: Int, history: Int) -> [PastForecast] {
    var records: [PastForecast] = []
    for back in stride(from: configuration.calibrationOrigins, through: 1, by: -1) {
      let truncated = logs.map { z in Array(z[max(0, z.count - back - history)..<max(0, z.count - back)]) }
      let pooled = pooledFit(truncated, steps: steps)
      for (position, z) in truncated.enumerated() where z.count >= max(configuration.minimumLength, 6) {
        let full = logs[position]
        let ets = configuration.components.contains(.dampedTrend) ? fitWindowed(z, DampedTrendETS.fit) : nil
        let theta = configuration.components.contains(.theta) ? fitWindowed(z, Theta.fit) : nil
        let volatility = ConformalCalibration.volatility(z, window: configuration.volatilityWindow)
        for step in 1...min(back, steps) {
          var medians: [Double] = []
          if configuration.components.contains(.trends) { medians.append(TrendsEnsemble.median(z, step: step, windows: configuration.trendWindows)) }
          if let ets { medians.append(ets.median(step: step)) }
          if let theta { medians.append(theta.median(step: step)) }
          if let value = pooled?.median(z, step: step) { medians.append(value) }
          if medians.isEmpty { medians.append(TrendsEnsemble.median(z, step: step, windows: configuration.trendWindows)) }
          records.append(PastForecast(
            step: step, back: back, last: z.last ?? 0, median: Quantile.median(medians),
            observed: full[full.count - 1 - back + step], volatility: volatility))
        }
      }
    }
    return records
  }

  /// Pools the scaled errors of the damped past medians; `nil` when calibration is off.
  func calibration(_ records: [PastForecast], levels: [Double], steps: Int) -> ConformalCalibration? {
    guard configuration.calibrationOrigins > 0, !records.isEmpty else { return nil }
    let residuals = records.map { record in
      let median = damped(record.median, last: record.last, step: record.step)
      return ConformalCalibration.Residual(
        level: record.last, step: record.step, error: (record.observed - median) / record.volatility)
    }
    return ConformalCalibration(
      residuals: residuals, levels: levels, bins: configuration.calibrationBins, steps: steps,
      minimumCount: configuration.minimumCalibrationErrors)
  }

  /// Shrinks the predicted change of one step, blends the ensemble spread with the conformal
  /// offsets, then sorts.
  func adjust(_ row: [Double], last: Double, step: Int, offsets: [Double]?) -> [Double] {
    let median = row[QuantileLevels.medianIndex]
    let blend = offsets == nil ? 1 : configuration.spreadBlend
    let shrunk = damped(median, last: last, step: step)
    let center = shrunk + (offsets.map { configuration.biasCorrection * $0[QuantileLevels.medianIndex] } ?? 0)
    return row.indices.map { level in
      var spread = blend * (row[level] - median)
      if let offsets { spread += (1 - blend) * (offsets[level] - offsets[QuantileLevels.medianIndex]) }
      return center + configuration.spreadScale * spread
    }.sorted()
  }

  /// `median` with its change from `last` damped by `growthDamping` or `declineDamping`:
  /// step h keeps the share (1 + φ + … + φ^(h−1))/h of the change.
  func damped(_ median: Double, last: Double, step: Int) -> Double {
    let phi = median > last ? configuration.growthDamping : configuration.declineDamping
    var sum = 0.0
    var power = 1.0
    for _ in 0..<step {
      sum += power
      power *= phi
    }
    return last + sum / Double(max(step, 1)) * (median - last)
  }

  private func pooledFit(_ logs: [[Double]], steps: Int) -> PooledGrowthRegression? {
    guard configuration.components.contains(.pooledGrowth) else { return nil }
    return PooledGrowthRegression.fit(
      logs, steps: steps, window: configuration.regressionWindow, weightPower: configuration.regressionWeightPower,
      halfLife: configuration.regressionHalfLife)
  }

  private func fitWindowed<Model>(_ z: [Double], _ fit: ([Double]) -> Model?) -> Model? {
    fit(Array(z.suffix(configuration.fitWindow)))
  }

  // MARK: - Daily series

  /// Forecasts 7-day totals and spreads each week's quantiles over its days by weekday factor.
  func forecastDays(_ series: [[Double]], steps: Int, seed: UInt64) -> [[[Double]]] {
    let weeks = (steps + 6) / 7
    let totals = series.map(WeekdayProfile.weeklyTotals)
    let weekly = forecastPeriods(totals, steps: weeks, seed: seed)
    return series.indices.map { index in
      guard series[index].count >= 14 else {
        return FluSightBaseline.flusightBaseline(
          series[index], steps: steps, seed: seed &+ UInt64(index), simulations: configuration.trendsSimulations * 10)
      }
      let profile = WeekdayProfile(series[index])
      return (0..<steps).map { offset in
        weekly[index][offset / 7].map { $0 / 7 * profile.factors[offset % 7] }
      }
    }
  }
}
