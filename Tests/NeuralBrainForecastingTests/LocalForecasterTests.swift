import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Local forecaster")
struct LocalForecasterTests {
  static let forecaster = LocalForecaster()

  /// A seasonal epidemic curve with noise, different per series.
  static func epidemic(_ index: Int, length: Int = 104) -> [Double] {
    var generator = SplitMix64(seed: UInt64(index + 1))
    return (0..<length).map { t in
      let season = exp(3 * sin(Double(t + index * 3) * 2 * .pi / 52))
      return (20 * Double(index + 1) * season * (0.85 + Double(generator.below(300)) / 1000)).rounded()
    }
  }

  static func checkInvariants(_ forecast: [[[Double]]], series: Int, steps: Int) {
    #expect(forecast.count == series)
    for rows in forecast {
      #expect(rows.count == steps)
      for row in rows {
        #expect(row.count == 23)
        #expect(row == row.sorted())
        #expect(row.allSatisfy { $0.isFinite && $0 >= 0 })
      }
    }
  }

  @Test("the id and description are set")
  func identity() {
    #expect(Self.forecaster.modelID == "local-ensemble-v3")
    #expect(!Self.forecaster.methodDescription.isEmpty)
  }

  @Test("weekly forecasts are sorted, finite, non-negative and shaped [series][step][23]")
  func weeklyInvariants() {
    let series = (0..<8).map { Self.epidemic($0, length: 60 + 5 * $0) }
    Self.checkInvariants(Self.forecaster.forecast(series, frequency: .weekly, steps: 4, seed: 1), series: 8, steps: 4)
  }

  @Test("the same seed gives the same forecast")
  func deterministic() {
    let series = (0..<4).map { Self.epidemic($0) }
    let a = Self.forecaster.forecast(series, frequency: .weekly, steps: 4, seed: 9)
    #expect(a == Self.forecaster.forecast(series, frequency: .weekly, steps: 4, seed: 9))
  }

  @Test(
    "degenerate inputs fall back without NaN or negative values",
    arguments: [
      [Double](), [0, 0, 0, 0, 0, 0, 0, 0], [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [3, 1, 4], [7],
      [.nan, 2, -3, 4, .infinity, 6, 7, 8, 9, 10],
    ])
  func degenerate(values: [Double]) {
    let forecast = Self.forecaster.forecast([values, Self.epidemic(1)], frequency: .weekly, steps: 4, seed: 2)
    Self.checkInvariants(forecast, series: 2, steps: 4)
  }

  @Test("an all-zero series keeps a zero median with a small upper tail")
  func zeros() throws {
    let forecast = Self.forecaster.forecast([[Double](repeating: 0, count: 20)], frequency: .weekly, steps: 1, seed: 1)
    let row = try #require(forecast.first?.first)
    #expect(row[QuantileLevels.medianIndex] == 0)
    #expect(row[22] > 0 && row[22] < 5)
  }

  @Test("a steady decline is forecast to continue")
  func decline() throws {
    let series: [[Double]] = (0..<6).map { index in
      let scale = 2000 * Double(index + 1)
      return (0..<80).map { (t: Int) -> Double in scale * exp(-0.15 * Double(t % 40)) }
    }
    let forecast = Self.forecaster.forecast(series, frequency: .weekly, steps: 4, seed: 1)
    let medians = try #require(forecast.first).map { $0[QuantileLevels.medianIndex] }
    #expect(medians[3] < medians[0])
    #expect(medians[0] < series[0].last ?? 0)
  }

  @Test("daily forecasts cover 28 days and carry the weekday pattern")
  func daily() throws {
    let pattern: [Double] = [0.5, 1.2, 1.2, 1.1, 1.1, 1.1, 0.8]
    let series = (0..<3).map { index in
      (0..<140).map { (t: Int) -> Double in
        let wave: Double = 1 + 0.3 * sin(Double(t) / 30)
        return 100 * Double(index + 1) * pattern[t % 7] * wave
      }
    }
    let forecast = Self.forecaster.forecast(series, frequency: .daily, steps: 28, seed: 4)
    Self.checkInvariants(forecast, series: 3, steps: 28)
    let medians = try #require(forecast.first).map { $0[QuantileLevels.medianIndex] }
    // Day 140 continues the pattern at position 0 (factor 0.5), day 141 at 1.2.
    #expect(medians[0] < medians[1])
    #expect(medians[7] < medians[8])
  }

  @Test("daily 7-day totals interpolate between week middles instead of jumping at week ends")
  func dailyInterpolation() {
    let weeks: [[Double]] = [[90, 100, 110], [180, 200, 220]]
    #expect(LocalForecaster.weekTotals(weeks, day: 0) == weeks[0])
    #expect(LocalForecaster.weekTotals(weeks, day: 3) == weeks[0])
    #expect(LocalForecaster.weekTotals(weeks, day: 10) == weeks[1])
    #expect(LocalForecaster.weekTotals(weeks, day: 27) == weeks[1])
    // Halfway between the middles (day 6.5): the geometric mean on log(1 + y).
    let day6 = LocalForecaster.weekTotals(weeks, day: 6)
    let day7 = LocalForecaster.weekTotals(weeks, day: 7)
    #expect(day6[1] > 100 && day6[1] < day7[1] && day7[1] < 200)
    #expect(abs(log1p(day7[1]) - log1p(day6[1]) - (log1p(200) - log1p(100)) / 7) < 1e-12, "one seventh per day")
    #expect(day6 == day6.sorted() && day7 == day7.sorted())
  }

  @Test("daily interval widths grow without a jump at the week boundaries")
  func dailySmoothness() throws {
    let series = (0..<3).map { index in
      (0..<140).map { (t: Int) -> Double in 50 * Double(index + 1) * exp(0.01 * Double(t)) * (t % 3 == 0 ? 1.1 : 0.95) }
    }
    let forecast = try #require(Self.forecaster.forecast(series, frequency: .daily, steps: 28, seed: 4).first)
    let widths = forecast.map { log1p($0[QuantileLevels.hub.count - 2]) - log1p($0[1]) }
    let steps = zip(widths.dropFirst(), widths).map { abs($0 - $1) }
    let atBoundaries = [6, 13, 20].map { steps[$0] }
    let largestInside = steps.enumerated().filter { ![6, 13, 20].contains($0.offset) }.map(\.element).max() ?? 0
    #expect(atBoundaries.allSatisfy { $0 <= largestInside * 1.5 + 1e-9 }, "\(steps)")
  }

  @Test("every component set yields valid forecasts", arguments: LocalForecaster.Component.allCases)
  func components(component: LocalForecaster.Component) {
    var configuration = LocalForecaster.Configuration()
    configuration.components = [component]
    let series = (0..<5).map { Self.epidemic($0) }
    let forecast = LocalForecaster(configuration: configuration).forecast(series, frequency: .weekly, steps: 4, seed: 3)
    Self.checkInvariants(forecast, series: 5, steps: 4)
  }

  @Test("the default median combines the trends grid and the pooled regression (docs/forecast-skill.md)")
  func defaultComponents() {
    #expect(LocalForecaster.Configuration().components == [.trends, .pooledGrowth])
  }

  @Test("a univariate component's increase is held at its one-step size; a decrease is kept")
  func trendFollowerDamping() {
    let forecaster = LocalForecaster()
    // Predicted +0.4 at step 4 keeps a quarter of it with φ = 0.
    #expect(abs(forecaster.holdGrowth(2.4, last: 2, step: 4) - 2.1) < 1e-12)
    #expect(forecaster.holdGrowth(2.4, last: 2, step: 1) == 2.4)
    #expect(forecaster.holdGrowth(1.6, last: 2, step: 4) == 1.6)
    // φ = 0.5 keeps (1 + 0.5)/2 of a two-step change.
    #expect(abs(LocalForecaster.damp(3, last: 1, step: 2, phi: 0.5) - 2.5) < 1e-12)
  }

  /// (mean log decline of the last two periods, expected widening of the lower side), w = 1.5.
  static let declines: [(Double, Double)] = [(0, 1), (0.5, 1.75), (-0.5, 1)]

  @Test("only the lower side of a falling series is widened, by 1 + w × its mean log decline", arguments: declines)
  func declineWidening(decline: Double, lowerScale: Double) {
    let forecaster = LocalForecaster()
    let row = QuantileLevels.hub.map { 3 + 0.2 * NormalQuantile.of($0) }
    let adjusted = forecaster.adjust(row, last: 3, step: 1, decline: decline, offsets: nil)
    let median = adjusted[QuantileLevels.medianIndex]
    let scale = forecaster.configuration.spreadScale
    for level in row.indices {
      let expected = (row[level] - 3) * scale * (level < QuantileLevels.medianIndex ? lowerScale : 1)
      #expect(abs((adjusted[level] - median) - expected) < 1e-12)
    }
  }

  @Test("calibration can be switched off")
  func uncalibrated() {
    var configuration = LocalForecaster.Configuration()
    configuration.calibrationOrigins = 0
    let series = (0..<3).map { Self.epidemic($0) }
    Self.checkInvariants(
      LocalForecaster(configuration: configuration).forecast(series, frequency: .weekly, steps: 4, seed: 3),
      series: 3, steps: 4)
  }
}
