import Foundation
import NeuralBrainCore
import NeuralBrainNormalize
import Testing

@Suite("Normalizer: a valid output becomes one ForecastData per region")
struct NormalizerTests {
  private func normalizeWeekly() throws -> [ForecastData] {
    let (dataset, output, targets) = TestData.weekly()
    return try Normalizer().normalize(
      output, dataset: dataset, targets: targets, run: TestData.run(), calibration: ["local": 0.9])
  }

  @Test("regions come out sorted by name with the run's and data's provenance")
  func regionsAndProvenance() throws {
    let published = try normalizeWeekly()
    #expect(published.map(\.regionID) == ["alpha", "beta"])
    let alpha = try #require(published.first)
    #expect(alpha.region == "Alpha")
    #expect(alpha.regionCode == "AL")
    #expect(alpha.population == 1_000_000)
    #expect(alpha.schemaVersion == ForecastData.schemaVersion)
    #expect(alpha.runID == "run-1")
    #expect(alpha.timestamp == TestData.now)
    #expect(alpha.provider == "local")
    #expect(alpha.model == "local-ensemble-v1")
    #expect(alpha.method == "test method")
    #expect(alpha.dataAsOf == TestData.lastObserved)
    #expect(alpha.source == "csv")
    #expect(alpha.sourceURL == "file:///data/test.csv")
    #expect(alpha.isSynthetic)
  }

  @Test("actual totals and cumulative median paths are in days, from the data window's totals")
  func seedPaths() throws {
    let published = try normalizeWeekly()
    let alpha = try #require(published.first)
    #expect(alpha.actualCases == 480)
    #expect(alpha.actualDeaths == 11)
    #expect(
      alpha.forecastedCases == [
        DayValue(day: 7, value: 630), DayValue(day: 14, value: 790),
        DayValue(day: 21, value: 960), DayValue(day: 28, value: 1140),
      ])
    #expect(
      alpha.forecastedDeaths == [
        DayValue(day: 7, value: 14), DayValue(day: 14, value: 18),
        DayValue(day: 21, value: 22), DayValue(day: 28, value: 27),
      ])
    let beta = try #require(published.last)
    #expect(beta.actualCases == 150)
    #expect(beta.actualDeaths == nil)
    #expect(beta.forecastedDeaths == nil)
    #expect(beta.forecastedCases?.map(\.value) == [158, 164, 169, 173])
  }

  @Test("metrics carry the recent observations with gaps, the reference date and the horizons")
  func metricForecasts() throws {
    let (_, output, _) = TestData.weekly()
    let alpha = try #require(try normalizeWeekly().first)
    #expect(alpha.metrics.map(\.metric) == [.cases, .deaths, .hospitalizations])
    let cases = try #require(alpha.metrics.first)
    #expect(cases.frequency == .weekly)
    #expect(cases.target == "wk inc cases")
    #expect(cases.referenceDate == Day(year: 2024, month: 1, day: 13))
    #expect(cases.recent.map(\.value) == [100, 110, nil, 130, 140])
    #expect(cases.recent.last?.date == TestData.lastObserved)
    #expect(cases.recent.first?.date == TestData.lastObserved.adding(days: -28))
    #expect(cases.quantileLevels == QuantileLevels.hub)
    let sent = try #require(output.forecasts.first { $0.regionID == "alpha" && $0.metric == .cases })
    #expect(cases.horizons.map(\.horizon) == sent.horizons.map(\.horizon))
    // Published to four decimals: 93.50000000000001 is 93.5.
    for (published, provided) in zip(cases.horizons, sent.horizons) {
      #expect(published.quantiles == provided.quantiles.map { ($0 * 10_000).rounded() / 10_000 })
      #expect(zip(published.quantiles, provided.quantiles).allSatisfy { abs($0 - $1) <= 0.00005 })
    }
  }

  @Test("a source's own target name is published; other metrics get the hub-style name")
  func sourceTargetNames() throws {
    var (dataset, output, targets) = TestData.weekly()
    dataset.targetNames = [.hospitalizations: "wk inc flu hosp"]
    let alpha = try #require(
      try Normalizer().normalize(output, dataset: dataset, targets: targets, run: TestData.run()).first)
    #expect(alpha.metrics.map(\.target) == ["wk inc cases", "wk inc deaths", "wk inc flu hosp"])
  }

  @Test("derived metrics come from hospital admissions when a region has them")
  func derivedFromPrimaryMetric() throws {
    let published = try normalizeWeekly()
    let alpha = try #require(published.first)
    #expect(alpha.primaryMetric == .hospitalizations)
    // last week 20, next-week median 24, quantiles 24 × (0.5 + τ), population 1M.
    #expect(abs(alpha.growthRate - log(25.0 / 21.0)) < 1e-12)
    // threshold max(1.2 × 20, 20 + 10) = 30: quantiles 24 × (0.5 + τ) pass it from τ = 0.75
    #expect(abs(alpha.outbreakProbability - 0.25) < 1e-12)
    #expect(alpha.incidencePer100k == 2)
    #expect(alpha.trendDetail == .stable)  // a change of 4 < 10 counts
    #expect(alpha.trend == .stable)
    #expect(abs(alpha.riskScore - (60 * 2.0 / 7 + 39 / (1 + exp(-log(25.0 / 21.0) / 0.2)))) < 1e-9)
    #expect(alpha.riskLevel == .yellow)
    #expect(abs(alpha.confidenceScore - 0.49548557586434705) < 1e-12)
    #expect(abs(alpha.volatility - 0.03728534774389429) < 1e-12)

    let beta = try #require(published.last)
    #expect(beta.primaryMetric == .cases)
    #expect(beta.incidencePer100k == nil)
    #expect(abs(beta.growthRate - log(9.0 / 11.0)) < 1e-12)
    // level 10 / recent max 50, times 10 / the 1,000-case floor: a small count is a small level
    #expect(abs(beta.riskScore - 10.583021353930034) < 1e-9)
    #expect(beta.riskLevel == .green)
    #expect(abs(beta.outbreakProbability - 0.0032214765100671006) < 1e-12)  // threshold 10 + 10
    #expect(abs(beta.volatility - 0.18918793297908276) < 1e-12)
  }

  @Test("without calibration the confidence is the interval sharpness alone")
  func confidenceWithoutCalibration() throws {
    let (dataset, output, targets) = TestData.weekly()
    let published = try Normalizer().normalize(output, dataset: dataset, targets: targets, run: TestData.run())
    let alpha = try #require(published.first)
    #expect(abs(alpha.confidenceScore - 0.5230125523012552) < 1e-12)
  }

  @Test("daily data: one cumulative point per day, recent window of 84 days")
  func dailyPaths() throws {
    let targets = ForecastTargets(frequency: .daily)
    let values: [Double?] = (0..<100).map { Double($0 % 7 + 10) }
    let series = TestData.series(TestData.alpha, .cases, values, frequency: .daily)
    let medians = (1...28).map { Double($0 % 5) }
    let dataset = Dataset(
      provenance: TestData.provenance(), frequency: .daily, regions: [TestData.alpha], series: [series])
    let output = TestData.output([TestData.forecast(of: series, medians: medians, targets: targets)])
    let published = try Normalizer().normalize(output, dataset: dataset, targets: targets, run: TestData.run())
    let alpha = try #require(published.first)
    let path = try #require(alpha.forecastedCases)
    #expect(path.map(\.day) == Array(1...28))
    #expect(path.last?.value == series.total + medians.reduce(0, +))
    #expect(alpha.metrics.first?.recent.count == 84)
    #expect(alpha.metrics.first?.referenceDate == TestData.lastObserved)
    // The last 7 days sum to 10+…+16 = 91 per 100k of 1M → 9.1.
    #expect(alpha.incidencePer100k.map { abs($0 - 9.1) < 1e-9 } == true)
  }

  @Test(
    "cumulative paths never decrease",
    arguments: [
      [0.0, 0, 0, 0], [5, 0, 3, 0], [100, 1, 95, 2], [0.5, 0.25, 0.125, 0],
    ])
  func pathsAreNonDecreasing(medians: [Double]) throws {
    let targets = ForecastTargets(frequency: .weekly)
    let series = TestData.series(TestData.beta, .deaths, [3, 1, 4, 1, 5])
    let dataset = Dataset(
      provenance: TestData.provenance(), frequency: .weekly, regions: [TestData.beta], series: [series])
    let output = TestData.output([TestData.forecast(of: series, medians: medians, targets: targets)])
    let published = try Normalizer().normalize(output, dataset: dataset, targets: targets, run: TestData.run())
    let path = try #require(published.first?.forecastedDeaths)
    #expect(path.count == 4)
    #expect(zip(path, path.dropFirst()).allSatisfy { $0.value <= $1.value })
    #expect((path.first?.value ?? -1) >= series.total)
  }
}
