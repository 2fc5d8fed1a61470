import Foundation
import NeuralBrainCore
import NeuralBrainRender
import Testing

@testable import NeuralBrainPipeline

@Suite("Look back")
struct LookBackTests {
  static let reference = Day(iso: "2026-11-28")!

  static func issued(
    _ model: String = "local/local-ensemble-v3", region: String = "al", metric: Metric = .cases, daysBack: Int,
    horizons: [Int] = [0, 1]
  ) -> [IssuedForecast] {
    let date = reference.adding(days: -daysBack)
    return horizons.map { horizon in
      IssuedForecast(
        model: model, regionID: region, target: metric.rawValue, referenceDate: date,
        forecast: HorizonForecast(
          horizon: horizon, targetEndDate: date.adding(days: 7 * horizon),
          quantiles: QuantileLevels.hub.map { 100 * (0.5 + $0) }))
    }
  }

  static func forecast(region: String = "AL") -> ForecastData {
    ForecastData(
      runID: "20261128T060000Z-0001", region: Region(code: region, name: "Region \(region)"), actualCases: nil,
      actualDeaths: nil, forecastedCases: nil, forecastedDeaths: nil,
      derived: DerivedMetrics(
        primaryMetric: .cases, confidenceScore: 0.5, riskLevel: .green, riskScore: 10, outbreakProbability: 0.1,
        trend: .stable, trendDetail: .stable, growthRate: 0, volatility: 0.1, incidencePer100k: nil),
      timestamp: Date(timeIntervalSince1970: 1_795_000_000), provider: "local", model: "local-ensemble-v3",
      method: "statistical",
      provenance: Provenance(
        source: "demo", sourceURL: "", retrievedAt: Date(timeIntervalSince1970: 1_795_000_000), dataAsOf: reference),
      metrics: [
        MetricForecast(metric: .cases, frequency: .weekly, referenceDate: reference, recent: [], horizons: [])
      ])
  }

  @Test("for each week back, the newest reference date in that week; other metrics and regions are not mixed in")
  func weeksBack() {
    let stored =
      Self.issued(daysBack: 7) + Self.issued(daysBack: 9) + Self.issued(daysBack: 15) + Self.issued(daysBack: 28)
      + Self.issued(daysBack: 35) + Self.issued(metric: .deaths, daysBack: 21) + Self.issued(region: "be", daysBack: 21)
    let past = LookBack.select(stored, for: [Self.forecast()])["al"] ?? []
    #expect(past.map(\.weeksEarlier) == [1, 2, 4])
    #expect(past.map { Self.reference - $0.referenceDate } == [7, 15, 28])
    #expect(past.allSatisfy { $0.metric == .cases && $0.horizons.count == 2 })
  }

  @Test("two models at one date (a failover) resolve to the first by name, whatever the store's order")
  func models() {
    let stored = Self.issued("openai/gpt-4o", daysBack: 7) + Self.issued("gemini/gemini-2.5", daysBack: 7)
    for order in [stored, stored.reversed()] {
      let past = LookBack.select(order, for: [Self.forecast()])["al"] ?? []
      #expect(past.map(\.model) == ["gemini/gemini-2.5"])
    }
  }

  @Test("no region without earlier forecasts, and none from this release's own reference date")
  func empty() {
    #expect(LookBack.select(Self.issued(daysBack: 0), for: [Self.forecast()]).isEmpty)
    #expect(LookBack.select([], for: [Self.forecast()]).isEmpty)
  }
}
