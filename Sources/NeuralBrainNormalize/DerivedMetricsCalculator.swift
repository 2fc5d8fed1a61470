import Foundation
import NeuralBrainCore

/// The derived metrics of product.md §4 as pure formulas, kept apart from validation so each
/// can be tested directly and documented once (docs/methodology.md).
///
/// Everything works on incident counts of one "period": a week for weekly data, a 7-day sum
/// for daily data. Inputs may be unvalidated: every result is finite and within its bounds.
public enum DerivedMetricsCalculator {
  /// The metric derived metrics are computed from: hospital admissions, else cases, else deaths.
  public static func primaryMetric(of metrics: some Sequence<Metric>) -> Metric? {
    let present = Set(metrics)
    return [Metric.hospitalizations, .cases, .deaths].first { present.contains($0) }
  }

  /// All derived metrics of one region from its primary series and that series' forecast.
  ///
  /// - Parameters:
  ///   - series: incident observations of the primary metric (its region carries the population).
  ///   - horizons: the forecast of `series`, in step order.
  ///   - calibration: the provider's recent empirical coverage of its 95% intervals, if known.
  public static func compute(
    series: IncidentSeries, horizons: [HorizonForecast], calibration: Double? = nil,
    configuration: Normalizer.Configuration = .init()
  ) -> DerivedMetrics {
    let population = series.region.population
    let totals = PeriodSeries.weeklyTotals(series)
    let last = PeriodSeries.lastPeriod(series)
    let next = PeriodSeries.nextPeriodQuantiles(horizons, frequency: series.frequency, fallback: last)
    let median = next[QuantileLevels.medianIndex]
    let growth = logGrowth(from: last, to: median)
    let detail = trendCategory(
      lastPeriod: last, nextPeriodMedian: median, metric: series.metric, population: population,
      configuration: configuration)
    let trend = trend(
      detail: detail,
      lowerGrowth: logGrowth(from: last, to: next[QuantileLevels.central50.lower]),
      upperGrowth: logGrowth(from: last, to: next[QuantileLevels.central50.upper]))
    let recentMax = totals.suffix(configuration.recentWeeks(for: series.frequency)).max() ?? last
    let level = levelIndex(
      lastPeriod: last, recentMaximum: recentMax, metric: series.metric, population: population,
      configuration: configuration)
    let score = riskScore(growthRate: growth, levelIndex: level, configuration: configuration)
    return DerivedMetrics(
      primaryMetric: series.metric,
      confidenceScore: confidenceScore(
        firstStep: horizons.first?.quantiles ?? next, coverage: calibration,
        configuration: configuration),
      riskLevel: riskLevel(score: score, configuration: configuration),
      riskScore: score,
      outbreakProbability: outbreakProbability(
        nextPeriod: next, lastPeriod: last, margin: configuration.outbreakMargin),
      trend: trend,
      trendDetail: detail,
      growthRate: growth,
      volatility: volatility(weeklyTotals: totals, weeks: configuration.volatilityWeeks),
      incidencePer100k: perHundredThousand(last, population: population))
  }

  /// P(next period > (1 + margin) × last period), from the next period's 23 quantiles by
  /// linear interpolation of the CDF. In [0, 1]; non-decreasing when any quantile rises.
  public static func outbreakProbability(nextPeriod quantiles: [Double], lastPeriod: Double, margin: Double)
    -> Double
  {
    let threshold = (1 + max(0, finite(margin))) * max(0, finite(lastPeriod))
    return QuantileDistribution(values: quantiles).exceedance(threshold)
  }

  /// Weekly log growth log((to + 1) / (from + 1)); the +1 offsets keep zeros finite.
  public static func logGrowth(from previous: Double, to next: Double) -> Double {
    finite(log((max(0, finite(next)) + 1) / (max(0, finite(previous)) + 1)))
  }

  /// The 5-way rate-change category of the median change from the last period to the next.
  ///
  /// A change smaller than `minimumCountChange` counts is stable. Hospital admissions with a
  /// known population then use FluSight's 2023/24 horizon-0 rate thresholds (stable below 1,
  /// large from 2 per 100k); everything else uses relative thresholds on the log growth.
  public static func trendCategory(
    lastPeriod: Double, nextPeriodMedian: Double, metric: Metric, population: Double?,
    configuration: Normalizer.Configuration = .init()
  ) -> TrendCategory {
    let change = finite(nextPeriodMedian) - finite(lastPeriod)
    guard abs(change) >= configuration.minimumCountChange else { return .stable }
    let magnitude: Double
    let stable: Double
    let large: Double
    if metric == .hospitalizations, let rate = perHundredThousand(abs(change), population: population) {
      (magnitude, stable, large) = (
        rate, configuration.stableRateChangePer100k, configuration.largeRateChangePer100k
      )
    } else {
      (magnitude, stable, large) = (
        abs(logGrowth(from: lastPeriod, to: nextPeriodMedian)), configuration.stableGrowth,
        configuration.largeGrowth
      )
    }
    switch (magnitude, change > 0) {
    case (..<stable, _): return .stable
    case (..<large, true): return .increase
    case (..<large, false): return .decrease
    case (_, true): return .largeIncrease
    case (_, false): return .largeDecrease
    }
  }

  /// The 3-way trend: increasing when the category is an increase and the 25% growth quantile
  /// is above zero (growth at least 75% likely); decreasing symmetrically with the 75% quantile;
  /// stable otherwise. It never contradicts `detail`.
  public static func trend(detail: TrendCategory, lowerGrowth: Double, upperGrowth: Double) -> Trend {
    switch detail {
    case .increase, .largeIncrease: lowerGrowth > 0 ? .increasing : .stable
    case .decrease, .largeDecrease: upperGrowth < 0 ? .decreasing : .stable
    case .stable: .stable
    }
  }

  /// The level of activity in [0, 1): with a population, I / (I + I_ref) for the weekly
  /// incidence per 100k I and the metric's reference I_ref; without one, the last period over
  /// the series' recent maximum. Non-decreasing in `lastPeriod`.
  public static func levelIndex(
    lastPeriod: Double, recentMaximum: Double, metric: Metric, population: Double?,
    configuration: Normalizer.Configuration = .init()
  ) -> Double {
    let level = max(0, finite(lastPeriod))
    if let incidence = perHundredThousand(level, population: population) {
      let reference = max(configuration.levelReferencePer100k[metric] ?? 1, .leastNonzeroMagnitude)
      return clamp(incidence / (incidence + reference))
    }
    let maximum = max(level, finite(recentMaximum))
    return maximum > 0 ? clamp(level / maximum) : 0
  }

  /// Risk score in [0, 100]: 100 × (w·level + (1 − w)·σ(growth / scale)), σ the logistic
  /// function. Continuous and non-decreasing in both the growth rate and the level index.
  public static func riskScore(
    growthRate: Double, levelIndex: Double, configuration: Normalizer.Configuration = .init()
  ) -> Double {
    let weight = clamp(configuration.levelWeight)
    let scale = max(configuration.growthScale, .leastNonzeroMagnitude)
    let growthIndex = 1 / (1 + exp(-finite(growthRate) / scale))
    return 100 * clamp(weight * clamp(finite(levelIndex)) + (1 - weight) * growthIndex)
  }

  /// The band of a score: RED from `redFrom`, YELLOW from `yellowFrom`, GREEN below; a function
  /// of the score alone, so a higher score never has a lower band.
  public static func riskLevel(score: Double, configuration: Normalizer.Configuration = .init())
    -> RiskLevel
  {
    if score >= configuration.redFrom { return .red }
    if score >= configuration.yellowFrom { return .yellow }
    return .green
  }

  /// Confidence in [0, 1]: 1 / (1 + w) for the relative width w = (q0.975 − q0.025) / (median + 1)
  /// of the first step, times min(coverage, nominal) / nominal when the provider's recent 95%
  /// coverage is known (under-coverage lowers confidence; over-coverage already shows as width).
  public static func confidenceScore(
    firstStep quantiles: [Double], coverage: Double?, configuration: Normalizer.Configuration = .init()
  ) -> Double {
    let (lowerIndex, upperIndex) = QuantileLevels.central95
    guard quantiles.count == QuantileLevels.hub.count else { return 0 }
    let width = max(0, finite(quantiles[upperIndex]) - finite(quantiles[lowerIndex]))
    let relativeWidth = width / (max(0, finite(quantiles[QuantileLevels.medianIndex])) + 1)
    let sharpness = 1 / (1 + relativeWidth)
    guard let coverage, coverage.isFinite, configuration.nominalCoverage > 0 else {
      return clamp(sharpness)
    }
    let calibration = clamp(coverage, to: configuration.nominalCoverage) / configuration.nominalCoverage
    return clamp(sharpness * calibration)
  }

  /// Sample standard deviation of the last `weeks` weekly log growths (needs `weeks + 1`
  /// totals; 0 with fewer than two growths).
  public static func volatility(weeklyTotals: [Double], weeks: Int) -> Double {
    let recent = Array(weeklyTotals.suffix(max(0, weeks) + 1))
    guard recent.count >= 3 else { return 0 }
    let growths = zip(recent, recent.dropFirst()).map { logGrowth(from: $0, to: $1) }
    let mean = growths.reduce(0, +) / Double(growths.count)
    let variance = growths.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(growths.count - 1)
    return finite(variance.squareRoot())
  }

  /// `count` per 100,000 people; nil without a positive, finite population.
  public static func perHundredThousand(_ count: Double, population: Double?) -> Double? {
    guard let population, population.isFinite, population > 0 else { return nil }
    return finite(count) / population * 100_000
  }

  private static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }

  private static func clamp(_ value: Double, to upper: Double = 1) -> Double {
    min(upper, max(0, finite(value)))
  }
}
