import Testing

@testable import NeuralBrainStore

@Suite("Quantiles column")
struct QuantilesColumnTests {
  @Test(
    "reads what it writes and what a JSON encoder writes; refuses what is not a list of numbers",
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
    #expect(QuantilesColumn.values(text) == expected)
  }

  @Test("every value round-trips exactly")
  func roundTrip() {
    let values: [Double] = [0, 0.1, 1.0 / 3, 12_345.678_9, 1e-300, 9.999_999_999_999_999e22, 17]
    #expect(QuantilesColumn.values(QuantilesColumn.text(values)) == values)
  }
}
