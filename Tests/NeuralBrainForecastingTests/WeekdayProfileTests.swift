import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Weekday profile and reporting cadence")
struct WeekdayProfileTests {
  /// Quantiles of a week's total of about 700.
  static let weekly = NormalQuantile.hub.map { 700 * exp(0.1 * $0) }

  @Test("daily quantiles take the weekday share of the weekly total and widen with daily noise")
  func dailyQuantiles() throws {
    var generator = SplitMix64(seed: 11)
    let noisy = (0..<56).map { _ in 100 + Double(generator.below(60)) - 30 }
    let flat = [Double](repeating: 100, count: 56)
    let calm = WeekdayProfile(flat).daily(fromWeekly: Self.weekly, position: 3)
    let wide = WeekdayProfile(noisy).daily(fromWeekly: Self.weekly, position: 3)
    #expect(WeekdayProfile(flat).noise == 0)
    #expect(abs(calm[QuantileLevels.medianIndex] - 100) < 1e-9)
    #expect(wide[22] - wide[0] > calm[22] - calm[0])
    #expect(wide == wide.sorted() && wide.allSatisfy { $0 >= 0 })
  }

  @Test("a weekly report on a fixed weekday: nothing on the other days, the week's total on that one")
  func fixedWeekday() {
    let y = (0..<84).map { $0 % 7 == 4 ? 700.0 : 0 }
    let profile = WeekdayProfile(y)
    let reportPosition = (4 - (84 - 7) % 7 + 7) % 7
    for position in 0..<7 {
      let quantiles = profile.daily(fromWeekly: Self.weekly, position: position)
      if position == reportPosition {
        #expect(abs(quantiles[QuantileLevels.medianIndex] - 700) < 1e-6)
      } else {
        #expect(quantiles.allSatisfy { $0 == 0 }, "position \(position): \(quantiles)")
      }
    }
  }

  @Test("a weekly report on a wandering day: zero up to the level 1 − p, the week's size above")
  func wanderingDay() {
    // Reports every 8 days, so the reporting weekday moves by one each week (Turkey, 2022).
    let y = (0..<112).map { $0 % 8 == 0 ? 800.0 : 0 }
    let profile = WeekdayProfile(y)
    #expect(profile.reportProbability.allSatisfy { $0 < 0.5 })
    for position in 0..<7 where profile.reportProbability[position] > 0 {
      let quantiles = profile.daily(fromWeekly: Self.weekly, position: position)
      let cut = 1 - profile.reportProbability[position]
      for (level, value) in zip(QuantileLevels.hub, quantiles) {
        if level <= cut { #expect(value == 0) } else { #expect(value > 100, "level \(level): \(value)") }
      }
      #expect(quantiles[QuantileLevels.medianIndex] == 0)
    }
  }

  @Test("a holiday and a reporting dump move neither the weekday factors nor the noise")
  func robustToHolidaysAndDumps() {
    var y = [Double](repeating: 100, count: 56)
    y[20] = 0
    y[33] = 1_000
    let profile = WeekdayProfile(y)
    // The holiday's missing report is a 1-in-56 chance of no report on any regular day.
    #expect(profile.reportProbability.allSatisfy { abs($0 - 55.0 / 56) < 1e-12 })
    #expect(profile.factors.allSatisfy { abs($0 - 1) < 0.2 }, "\(profile.factors)")
    #expect(profile.noise < 0.15, "noise \(profile.noise)")
  }

  /// Daily reports with a weekday pattern, one weekly report, no weekend reports.
  static let cadences: [[Double]] = [
    (0..<84).map { (day: Int) -> Double in Double(100 + (day % 7) * 20) },
    (0..<84).map { (day: Int) -> Double in day % 7 == 4 ? 700 : 0 },
    (0..<84).map { (day: Int) -> Double in day % 7 >= 5 ? 0 : 140 },
  ]

  @Test(
    "7-day totals of the daily median stay within 25% of the weekly median, whatever the cadence",
    arguments: 0..<3)
  func consistentWithWeekly(_ cadence: Int) {
    let profile = WeekdayProfile(Self.cadences[cadence])
    let total = (0..<7).map { profile.daily(fromWeekly: Self.weekly, position: $0)[QuantileLevels.medianIndex] }
      .reduce(0, +)
    #expect(abs(total - 700) / 700 < 0.25, "daily medians sum to \(total)")
  }

  @Test("a report is spread over the empty days it covers; pending days get the last rate; long silences stay")
  func spreadReports() {
    // Every 8 days a report of 800: each day of its gap gets 100.
    let wandering = (0..<60).map { $0 % 8 == 0 ? 800.0 : 0 }
    let spread = WeekdayProfile.spreadReports(wandering)
    #expect(spread[1...56].allSatisfy { $0 == 100 })
    // Days 57–59 wait for the next report: filled at the last rate, not left at 0.
    #expect(spread[57...59].allSatisfy { $0 == 100 })
    #expect(WeekdayProfile.weeklyTotals(Array(spread[4...])).allSatisfy { $0 == 700 })
    // A daily series without zeros is unchanged.
    let daily = (0..<30).map { Double(50 + $0) }
    #expect(WeekdayProfile.spreadReports(daily) == daily)
    // Three weeks of silence, then one report: nothing is smeared back over the silence.
    let silent = [Double](repeating: 10, count: 10) + [Double](repeating: 0, count: 21) + [70]
    #expect(WeekdayProfile.spreadReports(silent) == silent)
  }
}
