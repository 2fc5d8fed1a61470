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
    "one classification: the modal category of the forecast drives the trend word and the arrow",
    arguments: [
      // last, next-period median, spread of the quantiles, expected category
      (1_000.0, 1_000.0, 0.05, TrendCategory.stable),
      (1_000, 1_300, 0.05, .increase),
      (1_000, 2_000, 0.05, .largeIncrease),
      (1_000, 700, 0.05, .decrease),
      (1_000, 400, 0.05, .largeDecrease),
      // Mass on both sides of the stable band, most of it inside.
      (1_000, 1_050, 0.2, .stable),
      (0, 3, 1, .stable),
    ] as [(Double, Double, Double, TrendCategory)])
  func modal(last: Double, median: Double, spread: Double, expected: TrendCategory) {
    let quantiles = QuantileLevels.hub.map { level in max(0, median * (1 + spread * 2 * (level - 0.5))) }
    let category = Calculator.modalCategory(nextPeriod: quantiles, lastPeriod: last, metric: .cases, population: nil)
    #expect(category == expected)
    let probabilities = Calculator.categoryProbabilities(
      nextPeriod: quantiles, lastPeriod: last, metric: .cases, population: nil)
    #expect(abs(probabilities.values.reduce(0, +) - 1) < 1e-9)
    #expect(probabilities.values.allSatisfy { $0 >= -1e-12 })
    let trend = Calculator.trend(of: category)
    switch category {
    case .increase, .largeIncrease: #expect(trend == .increasing)
    case .decrease, .largeDecrease: #expect(trend == .decreasing)
    case .stable: #expect(trend == .stable)
    }
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
