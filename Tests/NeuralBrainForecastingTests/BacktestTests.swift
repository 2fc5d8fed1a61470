import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Backtest")
struct BacktestTests {
  static let start = Day(iso: "2024-01-06")!

  static func origin(values: [Double], reference: Day) -> BacktestOrigin {
    let series = IncidentSeries(
      region: Region(code: "01", name: "A"), metric: .hospitalizations, frequency: .weekly,
      start: start, values: values)
    return BacktestOrigin(referenceDate: reference, series: ["01": series])
  }

  /// A model whose every quantile is the last value.
  static let flat = BacktestModel(name: "flat") { series, _, steps, _ in
    series.map { y in [[Double]](repeating: [Double](repeating: y.last ?? 0, count: 23), count: steps) }
  }

  @Test("forecasts are labelled with hub horizons and target end dates and scored against truth")
  func runLabels() {
    // Last observation 2024-01-20; reference date one week later.
    let origin = Self.origin(values: [1, 2, 10], reference: Self.start.adding(days: 21))
    let truth: [String: [Day: Double]] = [
      "01": [Self.start.adding(days: 21): 12, Self.start.adding(days: 28): 10]
    ]
    let scored = Backtest.run(
      origins: [origin], truth: truth, model: Self.flat, steps: 4, seed: 1)
    #expect(scored.map(\.horizon) == [0, 1])
    #expect(scored.map(\.targetEndDate) == [Self.start.adding(days: 21), Self.start.adding(days: 28)])
    #expect(abs(scored[0].wis - 2) < 1e-12)
    #expect(scored[0].absoluteError == 2)
    #expect(!scored[0].covered95)
    #expect(scored[1].wis == 0 && scored[1].covered50)
  }

  @Test("external hub forecasts are scored only where truth exists")
  func external() {
    let fives = HorizonForecast(horizon: 0, targetEndDate: Self.start, quantiles: [Double](repeating: 5, count: 23))
    let forecast = IssuedForecast(model: "m", regionID: "01", target: "t", referenceDate: Self.start, forecast: fives)
    let missing = IssuedForecast(model: "m", regionID: "02", target: "t", referenceDate: Self.start, forecast: fives)
    let scored = Backtest.score([forecast, missing], truth: ["01": [Self.start: 7]])
    #expect(scored.count == 1)
    #expect(scored.first.map { abs($0.wis - 2) < 1e-12 } == true)
  }

  @Test("summaries give means, coverage and pairwise relative WIS overall and per horizon")
  func summaries() {
    func item(_ model: String, _ region: String, _ horizon: Int, _ wis: Double, _ covered: Bool) -> ScoredForecast {
      ScoredForecast(
        model: model, regionID: region, referenceDate: Self.start, horizon: horizon, targetEndDate: Self.start,
        observed: 1, wis: wis, absoluteError: wis, covered50: covered, covered95: true)
    }
    let forecasts = [
      item("base", "a", 0, 10, false), item("base", "a", 1, 20, false), item("base", "b", 0, 30, true),
      item("model", "a", 0, 5, true), item("model", "a", 1, 10, true),
    ]
    let summaries = Backtest.summarize(forecasts, baseline: "base")
    #expect(summaries.map(\.model) == ["base", "model"])
    let model = summaries[1]
    #expect(model.count == 2 && model.meanWIS == 7.5 && model.coverage50 == 1)
    #expect(model.relativeWIS.map { abs($0 - 0.5) < 1e-12 } == true)
    #expect(model.byHorizon[0]?.relativeWIS.map { abs($0 - 0.5) < 1e-12 } == true)
    #expect(model.byHorizon[1]?.count == 1)
    #expect(summaries[0].relativeWIS == 1)
    #expect(abs(summaries[0].coverage50 - 1.0 / 3) < 1e-12)
  }

  @Test("the local forecaster can be backtested directly")
  func localForecaster() {
    let values = (0..<30).map { 50 + 10 * sin(Double($0) / 4) }
    let origin = Self.origin(values: values, reference: Self.start.adding(days: 7 * 30))
    let truth = ["01": [Self.start.adding(days: 7 * 30): 55.0]]
    let scored = Backtest.run(origins: [origin], truth: truth, model: .local(), steps: 4, seed: 3)
    #expect(scored.count == 1)
    #expect(scored.first?.model == "local-ensemble-v3")
    #expect(scored.first.map { $0.wis.isFinite && $0.wis >= 0 } == true)
  }
}
