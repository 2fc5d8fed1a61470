import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainStore

@Suite("Horizons column")
struct HorizonsColumnTests {
  @Test(
    "reads the quantiles version 7 stored as JSON numbers; refuses what is not a list of numbers",
    arguments: [
      ("[1.5,2,3e-05]", [1.5, 2, 3e-05] as [Double]?),
      ("[ 1.5 , 2 ,\n 3 ]", [1.5, 2, 3]),
      ("[]", []),
      ("[ ]", []),
      ("[1,x]", nil),
      ("[1, ,2]", nil),
      ("[1;2]", nil),
    ])
  func parse(text: String, expected: [Double]?) {
    #expect(HorizonsColumn.values(Substring(text).utf8) == expected)
  }

  @Test("horizons round-trip exactly, in their order, with their dates")
  func roundTrip() throws {
    let start = try #require(Day(iso: "2026-11-29"))
    let values: [Double] = [0, 0.1, 1.0 / 3, 12_345.678_9, 1e-300, 9.999_999_999_999_999e22, 17]
    let horizons = [3, 1, -1].map {
      HorizonForecast(horizon: $0, targetEndDate: start.adding(days: $0), quantiles: values.map { $0 + 1 })
    }
    let column = HorizonsColumn.column(horizons)
    #expect(column.count == 3 * (12 + 8 * values.count))
    #expect(HorizonsColumn.horizons(column) == horizons)
    #expect(HorizonsColumn.horizons(HorizonsColumn.column([])) == [])
  }

  @Test("a column cut short, or with bytes past its last horizon, is refused", arguments: [1, 11, 12, 20])
  func malformed(cut: Int) throws {
    let horizon = HorizonForecast(
      horizon: 1, targetEndDate: try #require(Day(iso: "2026-11-29")), quantiles: [1, 2])
    let column = HorizonsColumn.column([horizon])
    #expect(HorizonsColumn.horizons(column.prefix(column.count - cut)) == nil)
    #expect(HorizonsColumn.horizons(column + Data(repeating: 0, count: cut % 11 + 1)) == nil)
  }
}
