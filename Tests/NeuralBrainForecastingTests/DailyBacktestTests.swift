import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Daily backtest")
struct DailyBacktestTests {
  /// Three daily series with a strong weekday pattern (weekend dips) and slow waves.
  static let series: [DailyBacktest.Series] = (0..<3).map { index in
    let pattern: [Double] = [1.2, 1.2, 1.1, 1.1, 1.0, 0.7, 0.7]
    var generator = SplitMix64(seed: UInt64(index + 1))
    let values = (0..<240).map { (day: Int) -> Double in
      let wave = 1 + 0.5 * sin(Double(day) / 30)
      let noise = 0.9 + Double(generator.below(200)) / 1000
      return (Double(100 * (index + 1)) * wave * pattern[day % 7] * noise).rounded()
    }
    return DailyBacktest.Series(
      regionID: "r\(index)", start: Day(iso: "2021-01-01")!, values: values, population: 1_000_000)
  }

  @Test("scores both models per day (1–28) and per 7-day total (1–4), and beats the flat baseline on weekday effects")
  func scores() {
    let start = Day(iso: "2021-01-01")!
    let origins = [120, 148, 176].map { start.adding(days: $0) }
    let outcome = DailyBacktest(seed: 3).run(Self.series, origins: origins)
    let local = LocalForecaster().modelID
    #expect(Set(outcome.daily.map(\.horizon)) == Set(1...28))
    #expect(Set(outcome.weekly.map(\.horizon)) == Set(1...4))
    #expect(outcome.daily.count == 2 * 3 * 3 * 28)
    #expect(outcome.weekly.count == 2 * 3 * 3 * 4)
    #expect(outcome.forecastDays == 3 * 3 * 28)
    let first = outcome.daily.first { $0.model == local && $0.horizon == 1 && $0.regionID == "r0" }
    #expect(first?.targetEndDate == origins[0])
    let weekOne = outcome.weekly.first { $0.model == local && $0.horizon == 1 && $0.regionID == "r0" }
    #expect(weekOne?.observed == Self.series[0].values[120..<127].reduce(0, +))
    let summary = Backtest.summarize(outcome.daily, baseline: DailyBacktest.baselineModel)
    let relative = summary.first { $0.model == local }?.relativeWIS ?? 9
    #expect(relative < 0.9, "relative WIS per day \(relative)")
    #expect(outcome.explosions.allSatisfy { $0.forecasts == 0 && $0.observations == 0 })
  }

  @Test("an origin sees only the days before it")
  func noLookAhead() {
    let series = Self.series[0]
    let origin = series.start.adding(days: 100)
    let history = series.history(before: origin)
    #expect(history.count == 100)
    #expect(history.last == series.values[99])
    #expect(series.history(before: series.start).isEmpty)
    #expect(series.history(before: series.start.adding(days: 10_000)).count == series.values.count)
  }
}
