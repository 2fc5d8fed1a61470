import Foundation
import NeuralBrainCore

/// The embedded statistical forecaster behind the `local` provider (docs/models.md §9).
///
/// On a log(y + 1) scale it takes the quantile-wise median of cheap components — by default the
/// trends quantile-baseline grid and a growth regression pooled across the batch (damped-trend
/// ETS and Theta can be switched on) — damps predicted growth, then calibrates the intervals with
/// rolling-origin conformal offsets scaled by each series' volatility. Daily data are forecast as
/// 7-day totals and spread over the days the way the series is reported (`WeekdayProfile`).
/// Pure and deterministic for a seed.
public struct LocalForecaster: Sendable {
  /// A component of the median ensemble.
  public enum Component: String, Sendable, Hashable, CaseIterable, Codable {
    case trends, dampedTrend, theta, pooledGrowth
  }

  /// Tunables; the defaults were tuned on the FluSight 2023-24 backtest (docs/forecast-skill.md).
  public struct Configuration: Sendable, Hashable {
    /// Components combined by the quantile-wise median: the trends grid and the pooled growth
    /// regression. ETS and Theta follow growth through every peak; with them the median scored
    /// worse on FluSight 2023-24 (0.837 against 0.773) and on JHU daily cases (0.829 against
    /// 0.776), so they stay available but off (docs/forecast-skill.md).
    public var components: Set<Component> = [.trends, .pooledGrowth]
    /// Recent-change windows of the trends variants (each symmetrised and not).
    public var trendWindows = [2, 3]
    /// Most recent points the ETS and Theta components are fitted on. ETS shares one set of
    /// smoothing parameters across the batch, chosen on these windows.
    public var fitWindow = 6
    /// Recent origins per series the pooled growth regression is trained on.
    public var regressionWindow = 60
    /// Rows of the pooled regression are weighted by (count + 1) to this power.
    public var regressionWeightPower = 1.0
    /// Damping φ of a predicted increase from the last value: step h keeps the share
    /// (1 + φ + … + φ^(h−1))/h of it. Growth on the log scale overshoots at epidemic peaks.
    public var growthDamping = 0.5
    /// Damping φ of a predicted decrease (1 = undamped; declines are steady).
    public var declineDamping = 1.0
    /// Damping φ of the increases the univariate components (trends, ETS, Theta) predict,
    /// before the median. They extrapolate growth through the peak, which only the pooled
    /// regression sees coming; with φ = 0 an increase is held at its one-step size.
    public var trendFollowerDamping = 0.0
    /// Past origins whose out-of-sample errors calibrate the intervals (0 disables calibration).
    public var calibrationOrigins = 30
    /// Recent changes whose root mean square (plus Poisson noise) scales the calibration errors.
    public var volatilityWindow = 8
    /// Level bins of the calibration pool.
    public var calibrationBins = 3
    /// Fewest errors per (bin, step) for the pool to be used.
    public var minimumCalibrationErrors = 20
    /// Weight of the ensemble's own spread against the conformal spread (1 = no calibration).
    public var spreadBlend = 0.7
    /// Multiplier on the final spread around the median: two components agree more often than
    /// four, so their median's intervals are widened by 10% (95% coverage 0.89–0.96 across three
    /// FluSight seasons and JHU daily cases).
    public var spreadScale = 1.1
    /// Widening of the spread below the median of a falling series: by 1 + w × the mean log
    /// decline of its last two periods. Declines after a peak or a holiday steepen faster than
    /// the errors pooled before the turn suggest (FluSight 2022-23 95% coverage 88.8% → 90.2%,
    /// better relative WIS in all three seasons and on JHU; docs/forecast-skill.md).
    public var declineWidening = 1.5
    /// Monte Carlo paths per trends variant.
    public var trendsSimulations = 200
    /// Shorter series get the FluSight baseline.
    public var minimumLength = 6

    public init() {}
  }

  public var configuration: Configuration

  public init(configuration: Configuration = .init()) { self.configuration = configuration }

  /// Model id shown on pages.
  public var modelID: String { "local-ensemble-v3" }

  /// One-line method description shown on pages.
  public var methodDescription: String {
    "Median of log-scale trend baselines and a growth regression pooled across regions, with damped "
      + "growth, intervals calibrated on recent forecast errors and daily reports spread by weekday."
  }

  /// `series[i]` are incident counts on a regular grid, no gaps (already filled), oldest first,
  /// possibly of different lengths; `populations[i]`, when known, caps every quantile of series i.
  /// Returns `[series][step-1][23]` quantiles at QuantileLevels.hub, each held under
  /// `ForecastBound`.
  public func forecast(
    _ series: [[Double]], frequency: Frequency, steps: Int, seed: UInt64, populations: [Double?] = []
  ) -> [[[Double]]] {
    forecastWithTotals(series, frequency: frequency, steps: steps, seed: seed, populations: populations).steps
  }

  /// `forecast`, and for daily data the 7-day totals the days were spread from
  /// (`[series][week-1][23]`, held under `ForecastBound` of the totals): the distribution of the
  /// next 7 days' total, which a level-wise sum of daily quantiles cannot give when a day may or
  /// may not carry the week's report. `totals` is nil for weekly data.
  public func forecastWithTotals(
    _ series: [[Double]], frequency: Frequency, steps: Int, seed: UInt64, populations: [Double?] = []
  ) -> (steps: [[[Double]]], totals: [[[Double]]]?) {
    guard steps > 0 else { return (series.map { _ in [] }, nil) }
    let clean = series.map { $0.map { $0.isFinite ? max($0, 0) : 0 } }
    let forecasts: [[[Double]]]
    var totals: [[[Double]]]?
    switch frequency {
    case .weekly: forecasts = forecastPeriods(clean, steps: steps, seed: seed)
    case .daily:
      let weekly = forecastWeeklyTotals(
        clean, weeks: Self.weeks(coveringDays: steps), seed: seed, populations: populations)
      totals = weekly
      forecasts = forecastDays(clean, weekly: weekly, steps: steps, seed: seed)
    }
    let bounded = forecasts.enumerated().map { index, rows in
      let population = index < populations.count ? populations[index] : nil
      return ForecastBound.clamp(
        rows,
        to: ForecastBound.upper(history: clean[index], frequency: frequency, steps: steps, population: population),
        medianCeiling: ForecastBound.medianCeiling(history: clean[index], frequency: frequency))
    }
    return (bounded, totals)
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
      } else if y.count < minimumLength {
        out[index] = FluSightBaseline.flusightBaseline(
          y, steps: steps, seed: seed &+ UInt64(index), simulations: configuration.trendsSimulations * 10)
      } else {
        regular.append(index)
      }
    }
    guard !regular.isEmpty else { return out }
    let logs = regular.map { series[$0].map { log1p($0) } }
    // The pooled regression's fits by origin, and the feature rows the replay reads again.
    let design = configuration.components.contains(.pooledGrowth) ? logs.map(PooledGrowthRegression.featureRows) : nil
    let pooled = design.map { design in
      (
        fits: PooledGrowthRegression.fit(
          logs, design: design, steps: steps, window: configuration.regressionWindow,
          weightPower: configuration.regressionWeightPower, origins: configuration.calibrationOrigins),
        design: design
      )
    }
    let etsParameters =
      configuration.components.contains(.dampedTrend)
      ? DampedTrendETS.Parameters.select(
        for: logs.map { Array($0.suffix(configuration.fitWindow)) }, horizon: steps, weightByLevel: true)
      : nil
    let calibration = calibration(
      pastForecasts(logs, steps: steps, pooled: pooled, etsParameters: etsParameters),
      levels: logs.compactMap(\.last), steps: steps)
    // Each series draws from its own generator (seed, index): spread over the cores, the
    // quantiles are the same whatever their number.
    let fitted = regular
    let forecasts = Array(fitted.indices).concurrentMap { position in
      let index = fitted[position]
      let z = logs[position]
      var generator = SplitMix64.derived(seed: seed, index: index)
      let trends = TrendsEnsemble.quantiles(
        z, steps: steps, windows: configuration.trendWindows, simulations: configuration.trendsSimulations,
        generator: &generator)
      let last = z.last ?? 0
      var followers: [[[Double]]] = []
      if configuration.components.contains(.trends) { followers.append(trends) }
      if let etsParameters, let ets = DampedTrendETS.fit(window(z), parameters: etsParameters) {
        followers.append(ets.quantiles(steps: steps))
      }
      if configuration.components.contains(.theta), let theta = Theta.fit(window(z)) {
        followers.append(theta.quantiles(steps: steps))
      }
      var components = followers.map { rows in
        rows.enumerated().map { offset, row in
          let median = row[QuantileLevels.medianIndex]
          let shift = holdGrowth(median, last: last, step: offset + 1) - median
          return row.map { $0 + shift }
        }
      }
      if let regression = pooled?.fits.first?.quantiles(z, steps: steps) { components.append(regression) }
      let combined = QuantileCombination.median(components.isEmpty ? [trends] : components)
      let volatility = ConformalCalibration.volatility(z, window: configuration.volatilityWindow)
      let decline = z.count >= 3 ? max(0, (z[z.count - 3] - last) / 2) : 0
      let calibrated = combined.enumerated().map { offset, row in
        adjust(
          row, last: last, step: offset + 1, decline: decline,
          offsets: calibration?.offsets(level: last, step: offset + 1).map { $0.map { $0 * volatility } })
      }
      let counts = calibrated.map { row in row.map { max(0, expm1(max($0, 0))) } }
      return counts.allSatisfy({ $0.allSatisfy(\.isFinite) })
        ? counts : trends.map { $0.map { max(0, expm1(max($0, 0))) }.sorted() }
    }
    for (position, index) in regular.enumerated() { out[index] = forecasts[position] }
    return out
  }

  private var minimumLength: Int { max(configuration.minimumLength, 6) }

  /// One past forecast of the combined median on the log scale, replayed at an earlier origin.
  struct PastForecast {
    var step: Int
    var last: Double
    var median: Double
    var observed: Double
    var volatility: Double
  }

  /// Replays the combined median at the last `calibrationOrigins` origins of every series;
  /// `pooled.fits[k]` is the pooled regression fitted k periods before the end, `pooled.design`
  /// every series' feature rows. ETS reuses the batch's smoothing parameters chosen at the end
  /// (a grid search per origin would cost 30 more), so its replayed errors are very slightly
  /// in-sample.
  func pastForecasts(
    _ logs: [[Double]], steps: Int, pooled: (fits: [PooledGrowthRegression], design: [[Double]])?,
    etsParameters: DampedTrendETS.Parameters?
  ) -> [PastForecast] {
    var records: [PastForecast] = []
    for back in stride(from: configuration.calibrationOrigins, through: 1, by: -1) {
      // Each series replayed on every core, the records in series order as one loop makes them.
      let replayed = Array(logs.indices).concurrentMap { index in
        pastForecasts(
          logs[index], back: back, steps: steps, pooled: pooled.map { ($0.fits, $0.design[index]) },
          etsParameters: etsParameters)
      }
      for series in replayed { records += series }
    }
    return records
  }

  /// The past forecasts of one series from the origin `back` periods before its end; `pooled`
  /// holds the regression's fits by origin and this series' feature rows.
  private func pastForecasts(
    _ full: [Double], back: Int, steps: Int, pooled: (fits: [PooledGrowthRegression], design: [Double])?,
    etsParameters: DampedTrendETS.Parameters?
  ) -> [PastForecast] {
    guard full.count - back >= minimumLength else { return [] }
    let history = max(
      configuration.fitWindow, configuration.volatilityWindow + 1, (configuration.trendWindows.max() ?? 0) + 1)
    var records: [PastForecast] = []
    let origin = full.count - 1 - back
    let z = Array(full[max(0, origin + 1 - history)...origin])
    let ets = etsParameters.flatMap { DampedTrendETS.fit(window(z), parameters: $0) }
    let theta = configuration.components.contains(.theta) ? Theta.fit(window(z)) : nil
    let volatility = ConformalCalibration.volatility(z, window: configuration.volatilityWindow)
    // What the origin alone decides, worked out once for all its steps.
    let drifts =
      configuration.components.contains(.trends) || configuration.components.isEmpty
      ? TrendsEnsemble.drifts(z, windows: configuration.trendWindows) : nil
    let regression = pooled.flatMap { pooled in
      back < pooled.fits.count && origin >= 2
        ? (fit: pooled.fits[back], features: PooledGrowthRegression.features(in: pooled.design, at: origin)) : nil
    }
    var medians: [Double] = []
    medians.reserveCapacity(4)
    for step in 1...min(back, steps) {
      medians.removeAll(keepingCapacity: true)
      if let drifts { medians.append(TrendsEnsemble.median(last: full[origin], drifts: drifts, step: step)) }
      if let ets { medians.append(ets.median(step: step)) }
      if let theta { medians.append(theta.median(step: step)) }
      for index in medians.indices { medians[index] = holdGrowth(medians[index], last: full[origin], step: step) }
      if let regression,
        let value = regression.fit.median(last: full[origin], features: regression.features, step: step)
      {
        medians.append(value)
      }
      guard !medians.isEmpty else { continue }
      records.append(
        PastForecast(
          step: step, last: full[origin], median: Quantile.median(sorting: &medians), observed: full[origin + step],
          volatility: volatility))
    }
    return records
  }

  /// Pools the volatility-scaled errors of the damped past medians; `nil` when calibration is off.
  func calibration(_ records: [PastForecast], levels: [Double], steps: Int) -> ConformalCalibration? {
    guard configuration.calibrationOrigins > 0, configuration.spreadBlend < 1, !records.isEmpty else { return nil }
    let residuals = records.map { record in
      let median = damped(record.median, last: record.last, step: record.step)
      return ConformalCalibration.Residual(
        level: record.last, step: record.step, error: (record.observed - median) / record.volatility)
    }
    return ConformalCalibration(
      residuals: residuals, levels: levels, bins: configuration.calibrationBins, steps: steps,
      minimumCount: configuration.minimumCalibrationErrors)
  }

  /// Damps the predicted change of one step, blends the ensemble spread with the conformal
  /// offsets, scales the spread (below the median also by the series' recent `decline`, a
  /// mean log change per period), then sorts.
  func adjust(_ row: [Double], last: Double, step: Int, decline: Double, offsets: [Double]?) -> [Double] {
    let median = row[QuantileLevels.medianIndex]
    let blend = offsets == nil ? 1 : configuration.spreadBlend
    let center = damped(median, last: last, step: step)
    let lowerScale = configuration.spreadScale * (1 + configuration.declineWidening * max(decline, 0))
    return row.indices.map { level in
      var spread = blend * (row[level] - median)
      if let offsets { spread += (1 - blend) * (offsets[level] - offsets[QuantileLevels.medianIndex]) }
      return center + (spread < 0 ? lowerScale : configuration.spreadScale) * spread
    }.sorted()
  }

  /// `median` with its change from `last` damped by `growthDamping` or `declineDamping`.
  func damped(_ median: Double, last: Double, step: Int) -> Double {
    let phi = median > last ? configuration.growthDamping : configuration.declineDamping
    return Self.damp(median, last: last, step: step, phi: phi)
  }

  /// A univariate component's `median` with a predicted increase damped by `trendFollowerDamping`.
  func holdGrowth(_ median: Double, last: Double, step: Int) -> Double {
    median > last ? Self.damp(median, last: last, step: step, phi: configuration.trendFollowerDamping) : median
  }

  /// `median` keeping the share (1 + φ + … + φ^(h−1))/h of its change from `last` at step h.
  static func damp(_ median: Double, last: Double, step: Int, phi: Double) -> Double {
    var sum = 0.0
    var power = 1.0
    for _ in 0..<step {
      sum += power
      power *= phi
    }
    return last + sum / Double(max(step, 1)) * (median - last)
  }

  /// The most recent `fitWindow` points, which ETS and Theta are fitted on.
  private func window(_ z: [Double]) -> [Double] { Array(z.suffix(configuration.fitWindow)) }

  // MARK: - Daily series

  /// Spreads forecast 7-day totals (`weekly[series][week-1][23]`) over the days the way each
  /// series is reported; series shorter than two weeks get the FluSight baseline.
  func forecastDays(_ series: [[Double]], weekly: [[[Double]]], steps: Int, seed: UInt64) -> [[[Double]]] {
    Array(series.indices).concurrentMap { index in
      guard series[index].count >= 14 else {
        return FluSightBaseline.flusightBaseline(
          series[index], steps: steps, seed: seed &+ UInt64(index), simulations: configuration.trendsSimulations * 10)
      }
      return Self.spreadOverDays(weekly: weekly[index], history: series[index], days: steps)
    }
  }

  /// Quantiles of the next `weeks` 7-day totals of daily series (`[series][week-1][23]`): the
  /// weekly model run on the totals of consecutive 7-day blocks ending at each series' last day.
  /// Hosted providers are asked for the same totals, and both are spread with `spreadOverDays`.
  /// Each week is held under `ForecastBound` of the totals (and `populations[i]` when known).
  public func forecastWeeklyTotals(
    _ series: [[Double]], weeks: Int, seed: UInt64, populations: [Double?] = []
  ) -> [[[Double]]] {
    guard weeks > 0 else { return series.map { _ in [] } }
    let totals = series.map {
      WeekdayProfile.weeklyTotals(WeekdayProfile.spreadReports($0.map { $0.isFinite ? max($0, 0) : 0 }))
    }
    return forecastPeriods(totals, steps: weeks, seed: seed).enumerated().map { index, rows in
      let population = index < populations.count ? populations[index] : nil
      return ForecastBound.clamp(
        rows, to: ForecastBound.upper(history: totals[index], frequency: .weekly, steps: weeks, population: population))
    }
  }

  /// Daily quantiles for `days` days after the last of `history` from quantiles of the following
  /// 7-day totals (`weekly[week-1][23]`): each day takes its weekday's share of the interpolated
  /// weekly total, widened by the series' day-to-day noise (flat shares when the history has no
  /// full week with reports).
  public static func spreadOverDays(weekly: [[Double]], history: [Double], days: Int) -> [[Double]] {
    guard !weekly.isEmpty else { return [] }
    let profile = WeekdayProfile(history.map { $0.isFinite ? max($0, 0) : 0 })
    return (0..<days).map { offset in
      profile.daily(fromWeekly: weekTotals(weekly, day: offset), position: offset % 7)
    }
  }

  /// How many 7-day totals cover `days` days.
  public static func weeks(coveringDays days: Int) -> Int { (max(days, 0) + 6) / 7 }

  /// Totals of consecutive 7-day blocks ending at the last value, oldest first (a leading
  /// partial block is dropped).
  public static func weeklyTotals(_ daily: [Double]) -> [Double] { WeekdayProfile.weeklyTotals(daily) }

  /// The 7-day-total quantiles for forecast day `day` (0 = the first): each week's forecast
  /// belongs to its middle day (3, 10, 17, …), and days between two middles interpolate the
  /// two weeks level by level on the log scale, so medians and intervals change smoothly
  /// instead of jumping at every week boundary. Days before the first middle or after the last
  /// take that week's quantiles.
  static func weekTotals(_ weeks: [[Double]], day: Int) -> [Double] {
    let position = (Double(day) - 3) / 7
    let lower = min(max(Int(position.rounded(.down)), 0), weeks.count - 1)
    let upper = min(lower + 1, weeks.count - 1)
    let fraction = min(max(position - Double(lower), 0), 1)
    guard fraction > 0, upper != lower else { return weeks[lower] }
    return zip(weeks[lower], weeks[upper]).map { low, high in
      expm1((1 - fraction) * log1p(low) + fraction * log1p(high))
    }
  }
}
