import Foundation
import NeuralBrainCore
import NeuralBrainNormalize
import Testing

@Suite("Derived metrics: bounds, monotonicity and units")
struct DerivedMetricsPropertyTests {
  typealias Calculator = DerivedMetricsCalculator

  static let growthRates: [Double] = [-5, -1, -0.4, -0.1, 0, 0.05, 0.1, 0.4, 1, 5]
  static let levelIndices: [Double] = [0, 0.1, 0.25, 0.5, 0.75, 0.99, 1]
  static let scales: [Double] = [0, 0.5, 1, 10, 1_000, 1e6]

  /// A weekly series of `level` with a recent bump, forecast at `factor` × level.
  static func scenario(level: Double, factor: Double, spread: Double, population: Double?)
    -> (series: IncidentSeries, horizons: [HorizonForecast])
  {
    let region = Region(id: "r", code: "R", name: "R", population: population)
    let values: [Double?] = [level * 0.5, level * 2, nil, level * 0.8, level * 1.1, level, level]
    let series = TestData.series(region, .hospitalizations, values)
    let targets = ForecastTargets(frequency: .weekly)
    let forecast = TestData.forecast(
      of: series, medians: [level * factor, level * factor * factor, level, level], targets: targets,
      spread: spread)
    return (series, forecast.horizons)
  }

  @Test("every score is finite and in range", arguments: scales, [0.0, 0.5, 1, 2, 20])
  func bounds(level: Double, factor: Double) {
    for population in [nil, 1.0, 50_000, 3.3e8] as [Double?] {
      for spread in [0.0, 0.5, 1.9] {
        for coverage in [nil, 0, 0.5, 0.95, 1, .nan] as [Double?] {
          let (series, horizons) = Self.scenario(
            level: level, factor: factor, spread: spread, population: population)
          let metrics = Calculator.compute(series: series, horizons: horizons, calibration: coverage)
          #expect((0...100).contains(metrics.riskScore))
          #expect((0...1).contains(metrics.outbreakProbability))
          #expect((0...1).contains(metrics.confidenceScore))
          #expect(metrics.growthRate.isFinite)
          #expect(metrics.volatility.isFinite && metrics.volatility >= 0)
          #expect(metrics.incidencePer100k.map { $0.isFinite && $0 >= 0 } ?? (population == nil))
          #expect(metrics.riskLevel == Calculator.riskLevel(score: metrics.riskScore))
        }
      }
    }
  }

  @Test("scores stay in range even on unvalidated input")
  func boundsOnGarbage() {
    let garbage = [Double.nan, -.infinity, .infinity, -1, 1e308]
    for value in garbage {
      #expect(
        (0...1).contains(
          Calculator.outbreakProbability(
            nextPeriod: Array(repeating: value, count: 23),
            lastPeriod: value, margin: value, minimumRise: value)))
      #expect((0...100).contains(Calculator.riskScore(growthRate: value, levelIndex: value)))
      #expect(
        (0...1).contains(
          Calculator.confidenceScore(
            firstStep: Array(repeating: value, count: 23),
            coverage: value)))
      #expect(Calculator.logGrowth(from: value, to: 3).isFinite)
      #expect(Calculator.volatility(weeklyTotals: [value, 1, value, 2], weeks: 8).isFinite)
    }
  }

  @Test("risk score is non-decreasing in growth at a fixed level", arguments: levelIndices)
  func riskMonotoneInGrowth(level: Double) {
    let dense = stride(from: -3.0, through: 3.0, by: 0.01).map { $0 }
    let scores = dense.map { Calculator.riskScore(growthRate: $0, levelIndex: level) }
    #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 <= $1 })
    #expect((scores.last ?? 0) > (scores.first ?? 0))
  }

  @Test(
    "growth alone, however steep, stays GREEN once the score is rounded for display", arguments: [0.5, 0.89, 3, 50])
  func growthAloneIsGreen(growth: Double) {
    let score = Calculator.riskScore(growthRate: growth, levelIndex: 0)
    #expect(score.rounded() < 40, "score \(score)")
    #expect(Calculator.riskLevel(score: score) == .green)
  }

  @Test("risk score is non-decreasing in level at a fixed growth", arguments: growthRates)
  func riskMonotoneInLevel(growth: Double) {
    let dense = stride(from: 0.0, through: 1.0, by: 0.005).map { $0 }
    let scores = dense.map { Calculator.riskScore(growthRate: growth, levelIndex: $0) }
    #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 <= $1 })
    #expect((scores.last ?? 0) > (scores.first ?? 0))
  }

  @Test(
    "end to end, risk is non-decreasing in incidence at a fixed growth",
    arguments: [nil, 100_000.0, 1e7], [-0.5, 0.0, 0.3])
  func riskMonotoneInIncidence(population: Double?, growth: Double) {
    let levels: [Double] = [1, 3, 10, 30, 100, 300, 1_000, 10_000]
    let scores = levels.map { level -> Double in
      let region = Region(id: "r", code: "R", name: "R", population: population)
      let series = TestData.series(region, .cases, [20_000, level])
      // Median chosen so that log((m + 1) / (level + 1)) == growth exactly.
      let median = max(0, (level + 1) * exp(growth) - 1)
      let forecast = TestData.forecast(
        of: series, medians: [median, median, median, median], targets: .init(frequency: .weekly))
      let metrics = Calculator.compute(series: series, horizons: forecast.horizons)
      #expect(abs(metrics.growthRate - growth) < 1e-9)
      return metrics.riskScore
    }
    #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 <= $1 + 1e-9 })
  }

  @Test(
    "level index is non-decreasing in the last period and scales per 100k",
    arguments: [nil, 10_000.0, 1e6, 3.3e8])
  func levelIndexMonotone(population: Double?) {
    let levels = stride(from: 0.0, through: 5_000, by: 25).map { $0 }
    let indices = levels.map {
      Calculator.levelIndex(lastPeriod: $0, recentMaximum: 2_500, metric: .cases, population: population)
    }
    #expect(zip(indices, indices.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(indices.allSatisfy { (0...1).contains($0) })
  }

  @Test(
    "the level index is 0.5 at the metric's reference incidence",
    arguments: [
      (Metric.cases, 100.0), (.hospitalizations, 5), (.deaths, 1),
    ])
  func levelReference(metric: Metric, per100k: Double) {
    let population = 2_000_000.0
    let count = per100k * population / 100_000
    let index = Calculator.levelIndex(lastPeriod: count, recentMaximum: 0, metric: metric, population: population)
    #expect(abs(index - 0.5) < 1e-12)
  }

  @Test("bands follow the score: a higher score never has a lower band")
  func bandOrder() {
    let scores = stride(from: 0.0, through: 100, by: 0.25).map { $0 }
    let bands = scores.map { Calculator.riskLevel(score: $0) }
    #expect(zip(bands, bands.dropFirst()).allSatisfy { $0 <= $1 })
    // Judged as shown: a score is displayed rounded, so 69.81 reads "70/100" and is RED.
    #expect(Calculator.riskLevel(score: 39.49) == .green)
    #expect(Calculator.riskLevel(score: 39.5) == .yellow)
    #expect(Calculator.riskLevel(score: 69.49) == .yellow)
    #expect(Calculator.riskLevel(score: 69.81) == .red)
    #expect(Calculator.riskLevel(score: 70) == .red)
  }

  @Test("across many regions, every YELLOW scores below every RED and above every GREEN")
  func bandOrderAcrossScenarios() {
    var results: [DerivedMetrics] = []
    for level in Self.scales {
      for factor in [0.1, 0.8, 1, 1.5, 4] {
        for population in [nil, 1_000.0, 1e6] as [Double?] {
          let (series, horizons) = Self.scenario(level: level, factor: factor, spread: 0.5, population: population)
          results.append(Calculator.compute(series: series, horizons: horizons))
        }
      }
    }
    for a in results {
      for b in results where a.riskLevel < b.riskLevel {
        #expect(a.riskScore < b.riskScore)
      }
    }
    #expect(Set(results.map(\.riskLevel)).count == 3)
  }

  @Test(
    "outbreak probability is non-decreasing as the forecast shifts or scales up",
    arguments: [0.0, 10, 100], [0.0, 0.2, 1])
  func outbreakMonotoneInLocation(last: Double, margin: Double) {
    let base = TestData.quantiles(median: 100, spread: 0.8)
    let shifts = stride(from: -100.0, through: 200, by: 2.5).map { $0 }
    let shifted = shifts.map { shift in
      Calculator.outbreakProbability(
        nextPeriod: base.map { max(0, $0 + shift) }, lastPeriod: last, margin: margin, minimumRise: 10)
    }
    #expect(zip(shifted, shifted.dropFirst()).allSatisfy { $0 <= $1 })
    let factors = stride(from: 0.0, through: 5, by: 0.05).map { $0 }
    let scaled = factors.map { factor in
      Calculator.outbreakProbability(
        nextPeriod: base.map { $0 * factor }, lastPeriod: last, margin: margin, minimumRise: 10)
    }
    #expect(zip(scaled, scaled.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(shifted.allSatisfy { (0...1).contains($0) })
  }

  @Test(
    "outbreak probability interpolates the CDF linearly between quantile levels",
    arguments: [
      (30.0, 0.7), (50, 0.5), (1, 0.99), (99, 0.01), (0.5, 0.995), (198, 0), (148.5, 0.005), (0, 1),
    ])
  func outbreakInterpolation(threshold: Double, expected: Double) {
    // Quantile τ at 100τ: P(X > x) = 1 − x/100 between 1 and 99; linear tails to 0 and 198.
    let quantiles = QuantileLevels.hub.map { $0 * 100 }
    let probability = Calculator.outbreakProbability(
      nextPeriod: quantiles, lastPeriod: threshold, margin: 0, minimumRise: 0)
    #expect(abs(probability - expected) < 1e-12)
  }

  @Test("outbreak probability of an all-zero forecast is 0; a rise from nothing must clear the absolute minimum")
  func outbreakDegenerate() {
    let zeros = Array(repeating: 0.0, count: 23)
    #expect(Calculator.outbreakProbability(nextPeriod: zeros, lastPeriod: 0, margin: 0.2, minimumRise: 10) == 0)
    #expect(
      Calculator.outbreakProbability(nextPeriod: zeros.map { $0 + 1 }, lastPeriod: 0, margin: 0.2, minimumRise: 10) == 0
    )
    #expect(
      Calculator.outbreakProbability(nextPeriod: zeros.map { $0 + 1 }, lastPeriod: 0, margin: 0.2, minimumRise: 0) == 1)
  }

  @Test(
    "outbreak probability is about 0 on zero and near-zero series, and reflects real rises on large ones",
    arguments: [
      (0.0, TestData.quantiles(median: 0.5, spread: 1), 0.0, 0.0),
      (3, TestData.quantiles(median: 4, spread: 1), 0.0, 0.05),
      (0, TestData.quantiles(median: 2, spread: 2), 0.0, 0.05),
      (10_000, TestData.quantiles(median: 15_000, spread: 0.2), 0.9, 1.0),
      (10_000, TestData.quantiles(median: 8_000, spread: 0.2), 0.0, 0.2),
    ] as [(Double, [Double], Double, Double)])
  func outbreakScale(last: Double, next: [Double], low: Double, high: Double) {
    let probability = Calculator.outbreakProbability(nextPeriod: next, lastPeriod: last, margin: 0.2, minimumRise: 10)
    #expect((low...high).contains(probability), "\(probability)")
  }

  @Test(
    "incidence per 100k scales counts by population",
    arguments: [
      (50.0, 1_000_000.0, 5.0), (1, 100_000, 1), (330, 3.3e8, 0.1), (0, 5_000, 0), (7, 0, nil), (7, -1, nil),
      (7, .infinity, nil),
    ] as [(Double, Double, Double?)])
  func perHundredThousand(count: Double, population: Double, expected: Double?) {
    let value = Calculator.perHundredThousand(count, population: population)
    if let expected {
      #expect(abs((value ?? .nan) - expected) < 1e-12)
    } else {
      #expect(value == nil)
    }
  }

  @Test("daily data: periods are 7-day sums and growth is weekly")
  func dailyPeriods() {
    let region = Region(id: "d", code: "D", name: "D", population: 700_000)
    // 3 leading days (an incomplete block) then two weeks of 10/day and 20/day.
    let values: [Double?] = [500, 500, 500] + Array(repeating: 10, count: 7) + Array(repeating: 20, count: 7)
    let series = TestData.series(region, .cases, values, frequency: .daily)
    let targets = ForecastTargets(frequency: .daily)
    let forecast = TestData.forecast(of: series, medians: Array(repeating: 40, count: 28), targets: targets)
    let metrics = Calculator.compute(series: series, horizons: forecast.horizons)
    #expect(abs((metrics.incidencePer100k ?? 0) - 20) < 1e-9)  // 140 per 700k
    #expect(abs(metrics.growthRate - log(281.0 / 141.0)) < 1e-12)  // 280 vs 140 next week
    #expect(metrics.volatility == 0)  // one weekly growth only
    #expect(metrics.trendDetail == .largeIncrease)
    #expect(metrics.trend == .increasing)
  }

  @Test("confidence is higher for narrower intervals and lower for under-coverage")
  func confidenceOrdering() {
    let spreads = stride(from: 0.0, through: 1.9, by: 0.1).map { $0 }
    let byWidth = spreads.map {
      Calculator.confidenceScore(firstStep: TestData.quantiles(median: 100, spread: $0), coverage: nil)
    }
    #expect(zip(byWidth, byWidth.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(byWidth.first == 1)
    let quantiles = TestData.quantiles(median: 100, spread: 0.5)
    let byCoverage = [0.0, 0.5, 0.8, 0.95, 1].map { Calculator.confidenceScore(firstStep: quantiles, coverage: $0) }
    #expect(zip(byCoverage, byCoverage.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(byCoverage.first == 0)
    #expect(byCoverage[3] == byCoverage[4])
    #expect(Calculator.confidenceScore(firstStep: quantiles, coverage: nil) == byCoverage[3])
  }

  @Test("volatility is the sample standard deviation of the last 8 weekly log growths")
  func volatilityWindow() {
    // Old history is wild; the last 9 totals grow by a constant factor, so volatility is ~0.
    let totals = [1.0, 1_000, 2, 5_000] + (0...8).map { 99 * pow(2, Double($0)) + pow(2, Double($0)) - 1 }
    #expect(abs(Calculator.volatility(weeklyTotals: totals, weeks: 8)) < 1e-12)
    #expect(Calculator.volatility(weeklyTotals: totals, weeks: 11) > 1)
    #expect(Calculator.volatility(weeklyTotals: [5, 6], weeks: 8) == 0)
  }

  @Test(
    "primary metric is hospital admissions, else cases, else deaths",
    arguments: [
      ([Metric.cases, .deaths, .hospitalizations], Metric?.some(.hospitalizations)),
      ([.deaths, .cases], .cases), ([.deaths], .deaths), ([], nil),
    ])
  func primaryMetric(metrics: [Metric], expected: Metric?) {
    #expect(Calculator.primaryMetric(of: metrics) == expected)
  }
}
