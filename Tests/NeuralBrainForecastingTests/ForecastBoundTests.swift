import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

/// No input makes a forecast explode: every quantile the embedded model publishes is finite,
/// non-negative, non-decreasing across levels, at most the population, and at most the growth
/// bound derived from the series itself (docs/methodology.md, "Forecast bounds").
@Suite("Forecast bounds on hostile series")
struct ForecastBoundTests {
  /// A hostile daily or weekly series and, when known, its population.
  struct Hostile: Sendable, CustomTestStringConvertible {
    var name: String
    var frequency: Frequency
    var values: [Double]
    var population: Double?
    var testDescription: String { name }
  }

  static func days(_ count: Int, _ value: (Int) -> Double) -> [Double] { (0..<count).map(value) }

  static let cases: [Hostile] = [
    Hostile(
      name: "weekly reporting inside a daily file (six zeros, one big day)", frequency: .daily,
      values: days(140) { $0 % 7 == 6 ? 40_000 + Double($0 * 50) : 0 }),
    Hostile(
      name: "weekly reporting on a wandering day (every 8 days), growing",
      frequency: .daily, values: days(150) { $0 % 8 == 3 ? 20_000 * pow(1.1, Double($0) / 8) : 0 }),
    Hostile(
      name: "a switch from daily to weekly reporting three weeks ago", frequency: .daily,
      values: days(130) { $0 < 109 ? 1_000 : ($0 % 7 == 2 ? 7_000 : 0) }),
    Hostile(
      name: "three months of silence, one report two days ago (Benin, June 2022)", frequency: .daily,
      values: days(120) { $0 == 12 ? 8 : ($0 == 25 ? 377 : ($0 == 117 ? 170 : 0)) }),
    Hostile(
      name: "weekend zeros", frequency: .daily, values: days(120) { [0, 0, 900, 1_100, 1_000, 950, 1_050][$0 % 7] }),
    Hostile(
      name: "a reporting dump", frequency: .daily, values: days(100) { $0 == 97 ? 250_000 : 300 + Double($0 % 5) }),
    Hostile(name: "a long run of zeros, then a spike", frequency: .daily, values: days(90) { $0 == 89 ? 5_000 : 0 }),
    Hostile(name: "explosive growth", frequency: .daily, values: days(60) { pow(1.25, Double($0)) }),
    Hostile(name: "all zeros", frequency: .daily, values: days(60) { _ in 0 }),
    Hostile(name: "a tiny series", frequency: .daily, values: [0, 3, 0, 1, 0]),
    Hostile(
      name: "counts near a small population", frequency: .daily, values: days(80) { 400 + Double($0) * 20 },
      population: 5_000),
    Hostile(name: "weekly: zeros then a spike", frequency: .weekly, values: Array(repeating: 0, count: 30) + [900]),
    Hostile(name: "weekly: explosive growth", frequency: .weekly, values: (0..<20).map { pow(3, Double($0)) }),
    Hostile(
      name: "weekly: alternating dumps", frequency: .weekly, values: (0..<40).map { $0 % 2 == 0 ? 0 : 100_000 }),
    Hostile(
      name: "weekly: near the population", frequency: .weekly, values: (0..<30).map { 10_000 + Double($0) * 3_000 },
      population: 90_000),
  ]

  @Test("every quantile is finite, ordered, under the population and the growth bound", arguments: cases)
  func bounded(_ hostile: Hostile) {
    let steps = hostile.frequency == .daily ? 28 : 4
    let forecast = LocalForecaster().forecast(
      [hostile.values], frequency: hostile.frequency, steps: steps, seed: 5, populations: [hostile.population])[0]
    let bounds = ForecastBound.upper(
      history: hostile.values, frequency: hostile.frequency, steps: steps, population: hostile.population)
    #expect(forecast.count == steps)
    let recentMaximum = max(hostile.values.suffix(hostile.frequency == .daily ? 56 : 8).max() ?? 0, 10)
    for (step, row) in forecast.enumerated() {
      #expect(row.count == 23)
      #expect(row.allSatisfy { $0.isFinite && $0 >= 0 }, "step \(step + 1): \(row)")
      #expect(zip(row, row.dropFirst()).allSatisfy { $0 <= $1 }, "step \(step + 1) decreases")
      #expect(row.allSatisfy { $0 <= bounds[step] }, "step \(step + 1) above its bound \(bounds[step])")
      if let population = hostile.population { #expect(row.allSatisfy { $0 <= population }) }
      // The 97.5% quantile stays within 100× the recent maximum, even four weeks ahead, and the
      // median within the output validator's 10×, so `local` never fails its own validation.
      #expect(row[QuantileLevels.central95.upper] <= 100 * recentMaximum)
      #expect(
        row[QuantileLevels.medianIndex] <= 10 * recentMaximum,
        "step \(step + 1): median \(row[QuantileLevels.medianIndex])")
    }
  }

  @Test("the growth allowance is the series' own fastest weekly growth, within 1.25–2.5")
  func growth() {
    #expect(ForecastBound.weeklyGrowth([100, 110, 121, 133]) == 1.25)
    #expect(abs(ForecastBound.weeklyGrowth([100, 180, 200]) - 181.0 / 101.0) < 1e-12)
    #expect(ForecastBound.weeklyGrowth([100, 1_000, 100]) == 2.5)
    #expect(ForecastBound.weeklyGrowth([0, 0, 5_000]) == 1.25)
    let bounds = ForecastBound.upper(history: [100, 180, 200], frequency: .weekly, steps: 3, population: nil)
    #expect(bounds.count == 3)
    #expect(abs(bounds[0] - 200 * 181.0 / 101.0) < 1e-9)
    #expect(
      ForecastBound.upper(history: [100, 180, 200], frequency: .weekly, steps: 3, population: 300) == [300, 300, 300])
  }

  @Test("clamping keeps rows ordered and replaces non-finite values by the bound")
  func clamp() {
    let rows = ForecastBound.clamp([[1, .nan, 5, .infinity, 2e300]], to: [10])
    #expect(rows == [[1, 10, 10, 10, 10]])
  }
}
