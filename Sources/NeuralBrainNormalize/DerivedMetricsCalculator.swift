import Foundation
import NeuralBrainCore

/// The derived metrics as pure formulas, kept apart from validation so each can be tested
/// directly and documented once (docs/methodology.md §4).
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
  ///   - nextPeriod: daily data: the provider's forecast of the next 7 days' total, if it made one.
  ///   - calibration: the provider's recent empirical coverage of its 95% intervals, if known.
  public static func compute(
    series: IncidentSeries, horizons: [HorizonForecast], nextPeriod: HorizonForecast? = nil,
    calibration: Double? = nil, configuration: Normalizer.Configuration = .init()
  ) -> DerivedMetrics {
    let population = series.region.population
    let totals = PeriodSeries.weeklyTotals(series)
    let last = PeriodSeries.lastPeriod(series)
    let next = PeriodSeries.nextPeriodQuantiles(
      horizons, frequency: series.frequency, provided: nextPeriod, fallback: last)
    let median = next[QuantileLevels.medianIndex]
    let growth = logGrowth(from: last, to: median)
    let detail = supportedCategory(
      modalCategory(
        nextPeriod: next, lastPeriod: last, metric: series.metric, population: population,
        configuration: configuration),
      nextPeriod: next, lastPeriod: last)
    let trend = trend(of: detail)
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
        nextPeriod: next, lastPeriod: last, margin: configuration.outbreakMargin,
        minimumRise: configuration.minimumCountChange),
      trend: trend,
      trendDetail: detail,
      growthRate: growth,
      volatility: volatility(weeklyTotals: totals, weeks: configuration.volatilityWeeks),
      incidencePer100k: perHundredThousand(last, population: population))
  }

  /// P(next period > max((1 + margin) × last period, last period + minimumRise)), from the next
  /// period's 23 quantiles by linear interpolation of the CDF: a rise must be relative *and*
  /// absolute, so a series of zeros or near-zeros gives ≈ 0, never the certainty of a "20% rise"
  /// from nothing. In [0, 1]; non-decreasing when any quantile rises.
  public static func outbreakProbability(
    nextPeriod quantiles: [Double], lastPeriod: Double, margin: Double, minimumRise: Double
  ) -> Double {
    let last = max(0, finite(lastPeriod))
    let threshold = max((1 + max(0, finite(margin))) * last, last + max(0, finite(minimumRise)))
    return QuantileDistribution(values: quantiles).exceedance(threshold)
  }

  /// Weekly log growth log((to + 1) / (from + 1)); the +1 offsets keep zeros finite.
  public static func logGrowth(from previous: Double, to next: Double) -> Double {
    finite(log((max(0, finite(next)) + 1) / (max(0, finite(previous)) + 1)))
  }

  /// Where the five rate-change categories meet, as next-period counts: a next period below
  /// `largeDecrease` is a large decrease, below `decrease` a decrease, below `increase` stable,
  /// below `largeIncrease` an increase, else a large increase.
  ///
  /// A change smaller than `minimumCountChange` counts is stable. Hospital admissions with a
  /// known population then use FluSight's 2023/24 horizon-0 rate thresholds (stable below 1,
  /// large from 2 per 100k); everything else uses relative thresholds on the log growth.
  public struct CategoryBounds: Sendable, Hashable {
    public var largeDecrease: Double
    public var decrease: Double
    public var increase: Double
    public var largeIncrease: Double
  }

  public static func categoryBounds(
    lastPeriod: Double, metric: Metric, population: Double?, configuration: Normalizer.Configuration = .init()
  ) -> CategoryBounds {
    let last = max(0, finite(lastPeriod))
    let minimum = max(0, configuration.minimumCountChange)
    let up: (stable: Double, large: Double)
    let down: (stable: Double, large: Double)
    if metric == .hospitalizations, let perRate = perHundredThousand(1, population: population), perRate > 0 {
      let stable = configuration.stableRateChangePer100k / perRate
      let large = configuration.largeRateChangePer100k / perRate
      (up, down) = ((stable, large), (stable, large))
    } else {
      let base = last + 1
      up = (base * (exp(configuration.stableGrowth) - 1), base * (exp(configuration.largeGrowth) - 1))
      down = (base * (1 - exp(-configuration.stableGrowth)), base * (1 - exp(-configuration.largeGrowth)))
    }
    let upStable = max(minimum, up.stable)
    let downStable = max(minimum, down.stable)
    return CategoryBounds(
      largeDecrease: last - max(downStable, down.large), decrease: last - downStable,
      increase: last + upStable, largeIncrease: last + max(upStable, up.large))
  }

  /// The category of one next-period value (`categoryBounds`).
  public static func trendCategory(
    lastPeriod: Double, nextPeriodMedian: Double, metric: Metric, population: Double?,
    configuration: Normalizer.Configuration = .init()
  ) -> TrendCategory {
    let bounds = categoryBounds(
      lastPeriod: lastPeriod, metric: metric, population: population, configuration: configuration)
    let value = finite(nextPeriodMedian)
    if value <= bounds.largeDecrease { return .largeDecrease }
    if value <= bounds.decrease { return .decrease }
    if value < bounds.increase { return .stable }
    if value < bounds.largeIncrease { return .increase }
    return .largeIncrease
  }

  /// The probability of each rate-change category under the next period's forecast distribution,
  /// as the FluSight hub scores its `rate change` target.
  public static func categoryProbabilities(
    nextPeriod quantiles: [Double], lastPeriod: Double, metric: Metric, population: Double?,
    configuration: Normalizer.Configuration = .init()
  ) -> [TrendCategory: Double] {
    let bounds = categoryBounds(
      lastPeriod: lastPeriod, metric: metric, population: population, configuration: configuration)
    let distribution = QuantileDistribution(values: quantiles)
    let below = { (x: Double) in x < 0 ? 0 : 1 - distribution.exceedance(x) }
    return [
      .largeDecrease: below(bounds.largeDecrease),
      .decrease: below(bounds.decrease) - below(bounds.largeDecrease),
      .stable: below(bounds.increase) - below(bounds.decrease),
      .increase: below(bounds.largeIncrease) - below(bounds.increase),
      .largeIncrease: 1 - below(bounds.largeIncrease),
    ]
  }

  /// The most probable rate-change category (ties go to the one nearer stable): the one
  /// classification that drives both `trend_detail` and `trend`, so they never contradict.
  public static func modalCategory(
    nextPeriod quantiles: [Double], lastPeriod: Double, metric: Metric, population: Double?,
    configuration: Normalizer.Configuration = .init()
  ) -> TrendCategory {
    let probabilities = categoryProbabilities(
      nextPeriod: quantiles, lastPeriod: lastPeriod, metric: metric, population: population,
      configuration: configuration)
    let preference: [TrendCategory] = [.stable, .increase, .decrease, .largeIncrease, .largeDecrease]
    return preference.max { (probabilities[$0] ?? 0) < (probabilities[$1] ?? 0) } ?? .stable
  }

  /// `category` when the forecast supports its direction at 75% (the next period's 25% quantile
  /// above the last period for a rise, its 75% quantile below it for a fall), else stable: a
  /// wide forecast whose most likely band is a tail does not claim a direction.
  public static func supportedCategory(_ category: TrendCategory, nextPeriod quantiles: [Double], lastPeriod: Double)
    -> TrendCategory
  {
    guard quantiles.count == QuantileLevels.hub.count else { return .stable }
    let last = max(0, finite(lastPeriod))
    switch category {
    case .increase, .largeIncrease: return quantiles[QuantileLevels.central50.lower] > last ? category : .stable
    case .decrease, .largeDecrease: return quantiles[QuantileLevels.central50.upper] < last ? category : .stable
    case .stable: return .stable
    }
  }

  /// The 3-way trend of a category: its direction.
  public static func trend(of category: TrendCategory) -> Trend {
    switch category {
    case .increase, .largeIncrease: .increasing
    case .decrease, .largeDecrease: .decreasing
    case .stable: .stable
    }
  }

  /// The level of activity in [0, 1): with a population, I / (I + I_ref) for the weekly
  /// incidence per 100k I and the metric's reference I_ref; without one, the last period over
  /// the series' recent maximum, times min(1, last period / the metric's absolute floor), so a
  /// tiny count is never a high level. Non-decreasing in `lastPeriod`.
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
    guard maximum > 0 else { return 0 }
    let floor = max(configuration.relativeLevelFloor[metric] ?? 1, .leastNonzeroMagnitude)
    return clamp(level / maximum) * clamp(level / floor)
  }

  /// Risk score in [0, 100]: 100 × (w·level + (1 − w)·σ(growth / scale)), σ the logistic
  /// function. Continuous and non-decreasing in both the growth rate and the level index.
  public static func riskScore(
    growthRate: Double, levelIndex: Double, configuration: Normalizer.Configuration = .init()
  ) -> Double {
    let weight = clamp(configuration.levelWeight)
    let growthWeight = min(clamp(configuration.growthWeight), 1 - weight)
    let scale = max(configuration.growthScale, .leastNonzeroMagnitude)
    let growthIndex = 1 / (1 + exp(-finite(growthRate) / scale))
    return 100 * clamp(weight * clamp(finite(levelIndex)) + growthWeight * growthIndex)
  }

  /// The band of a score: RED from `redFrom`, YELLOW from `yellowFrom`, GREEN below, judged on
  /// the score as pages show it (rounded to a whole number), so "70/100" is never YELLOW; a
  /// function of the score alone, so a higher score never has a lower band.
  public static func riskLevel(score: Double, configuration: Normalizer.Configuration = .init())
    -> RiskLevel
  {
    let shown = finite(score).rounded()
    if shown >= configuration.redFrom { return .red }
    if shown >= configuration.yellowFrom { return .yellow }
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
