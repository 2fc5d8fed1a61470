import NeuralBrainCore
import Testing

@testable import NeuralBrainStore

@Suite("Horizons column")
struct HorizonsColumnTests {
  @Test(
    "reads the quantiles it writes and what a JSON encoder writes; refuses what is not a list of numbers",
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

  @Test("every value round-trips exactly")
  func roundTrip() {
    let values: [Double] = [0, 0.1, 1.0 / 3, 12_345.678_9, 1e-300, 9.999_999_999_999_999e22, 17]
    #expect(HorizonsColumn.values(Substring(HorizonsColumn.quantiles(values)).utf8) == values)
  }

  @Test("horizons round-trip in their order, with their dates")
  func horizonsRoundTrip() throws {
    let start = try #require(Day(iso: "2026-11-29"))
    let horizons = [3, 1, 2].map {
      HorizonForecast(horizon: $0, targetEndDate: start.adding(days: $0), quantiles: [Double($0), 0.5 + Double($0)])
    }
    let text = HorizonsColumn.text(horizons)
    #expect(text.split(separator: "\n").first == "3 2026-12-02 [3.0,3.5]")
    #expect(HorizonsColumn.horizons(text) == horizons)
    #expect(HorizonsColumn.horizons("") == [])
  }

  @Test(
    "a malformed line refuses the whole column",
    arguments: ["1 2026-11-29", "x 2026-11-29 [1]", "1 2026-13-40 [1]", "1 2026-11-29 [1,y]", "1 2026-11-29 [1]\n2"])
  func malformed(text: String) {
    #expect(HorizonsColumn.horizons(text) == nil)
  }
}
