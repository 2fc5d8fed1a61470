import NeuralBrainCore
import NeuralBrainNormalize
import Testing

@Suite("Trend: FluSight-style rate-change categories and the 3-way trend")
struct TrendCategoryTests {
  typealias Calculator = DerivedMetricsCalculator

  /// last period, next-period median, metric, population, expected category.
  static let categories: [(Double, Double, Metric, Double?, TrendCategory)] = [
    // Hospital admissions with a population: FluSight 2023/24 horizon-0 rules (1M people).
    (100, 105, .hospitalizations, 1e6, .stable),  // count change 5 < 10
    (100, 110, .hospitalizations, 1e6, .increase),  // 10 counts, 1.0 per 100k
    (100, 115, .hospitalizations, 1e6, .increase),  // 1.5 per 100k
    (100, 120, .hospitalizations, 1e6, .largeIncrease),  // 2.0 per 100k
    (100, 85, .hospitalizations, 1e6, .decrease),
    (100, 70, .hospitalizations, 1e6, .largeDecrease),
    (10_000, 10_500, .hospitalizations, 1e8, .stable),  // 0.5 per 100k although +500
    // Relative thresholds on the median log growth otherwise.
    (1_000, 1_050, .cases, 1e6, .stable),
    (1_000, 1_200, .cases, nil, .increase),
    (1_000, 1_600, .cases, nil, .largeIncrease),
    (1_000, 800, .deaths, 1e6, .decrease),
    (1_000, 600, .cases, nil, .largeDecrease),
    (1_000, 1_600, .hospitalizations, nil, .largeIncrease),
    (3, 9, .deaths, nil, .stable),  // tripling, but only 6 counts
  ]

  @Test("categories follow count, rate and relative thresholds", arguments: categories)
  func category(last: Double, median: Double, metric: Metric, population: Double?, expected: TrendCategory) {
    let category = Calculator.trendCategory(
      lastPeriod: last, nextPeriodMedian: median, metric: metric, population: population)
    #expect(category == expected)
  }

  @Test(
    "the 3-way trend needs the category and 75% confidence in the direction",
    arguments: [
      (TrendCategory.increase, 0.1, 0.3, Trend.increasing),
      (.largeIncrease, 0.01, 0.9, .increasing),
      (.increase, -0.1, 0.3, .stable),
      (.largeDecrease, -0.5, -0.01, .decreasing),
      (.decrease, -0.5, 0.2, .stable),
      (.stable, 0.5, 0.9, .stable),
      (.stable, -0.9, -0.5, .stable),
    ])
  func trend(detail: TrendCategory, lower: Double, upper: Double, expected: Trend) {
    #expect(Calculator.trend(detail: detail, lowerGrowth: lower, upperGrowth: upper) == expected)
  }

  @Test("configured thresholds are used")
  func configuredThresholds() {
    var configuration = Normalizer.Configuration()
    configuration.yellowFrom = 10
    configuration.redFrom = 20
    configuration.minimumCountChange = 0
    configuration.stableGrowth = 0.01
    #expect(Calculator.riskLevel(score: 25, configuration: configuration) == .red)
    #expect(Calculator.riskLevel(score: 15, configuration: configuration) == .yellow)
    let category = Calculator.trendCategory(
      lastPeriod: 3, nextPeriodMedian: 4, metric: .deaths, population: nil, configuration: configuration)
    #expect(category == .increase)
    #expect(configuration.recentPoints(for: .daily) == 84)
    #expect(configuration.recentWeeks(for: .daily) == 12)
    #expect(configuration.recentWeeks(for: .weekly) == 26)
  }
}
