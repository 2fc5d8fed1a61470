import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Weekday profile")
struct WeekdayProfileTests {
  @Test("daily quantiles take the weekday share of the weekly total and widen with daily noise")
  func dailyQuantiles() throws {
    var generator = SplitMix64(seed: 11)
    let noisy = (0..<56).map { _ in 100 + Double(generator.below(60)) - 30 }
    let flat = [Double](repeating: 100, count: 56)
    let weekly = NormalQuantile.hub.map { 700 * exp(0.1 * $0) }
    let calm = WeekdayProfile(flat).daily(fromWeekly: weekly, position: 3)
    let wide = WeekdayProfile(noisy).daily(fromWeekly: weekly, position: 3)
    #expect(WeekdayProfile(flat).noise == 0)
    #expect(abs(calm[QuantileLevels.medianIndex] - 100) < 1e-9)
    #expect(wide[22] - wide[0] > calm[22] - calm[0])
    #expect(wide == wide.sorted() && wide.allSatisfy { $0 >= 0 })
  }
}
