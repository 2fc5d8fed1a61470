import NeuralBrainCore
import Testing

@testable import NeuralBrainIngest

@Suite("Cumulative to incident, with corrections")
struct CorrectionEngineTests {
  private let start = Day(year: 2024, month: 1, day: 1)!

  private func convert(_ cumulative: [Double?], _ policy: CorrectionPolicy) -> (
    values: [Double?], notes: [IngestNote], start: Day
  ) {
    let series = CorrectionEngine.Series(regionID: "r", metric: .cases, start: start, step: 1, values: cumulative)
    let result = CorrectionEngine(policy: policy).incident(fromCumulative: series)
    return (result.series.values, result.notes, result.series.start)
  }

  @Test("differences start one step after the first cumulative value")
  func differences() {
    let result = convert([5, 7, 7, 10], .report)
    #expect(result.values == [2, 0, 3])
    #expect(result.start == start.adding(days: 1))
    #expect(result.notes.isEmpty)
  }

  @Test("report: a drop becomes 0 and gets its own note")
  func report() {
    let result = convert([10, 12, 9, 15], .report)
    #expect(result.values == [2, 0, 6])
    #expect(result.notes.count == 1)
    #expect(result.notes.first?.date == start.adding(days: 2))
    #expect(result.notes.first?.message.contains("downward correction of 3") == true)
  }

  @Test("spread: a drop is removed from earlier dates in proportion, keeping the total")
  func spread() throws {
    let result = convert([0, 4, 10, 8, 9], .spread)
    let values = result.values.map { $0 ?? .nan }
    #expect(values.count == 4)
    #expect(abs(values[0] - 4 * 0.8) < 1e-9)
    #expect(abs(values[1] - 6 * 0.8) < 1e-9)
    #expect(values[2] == 0)
    #expect(values[3] == 1)
    #expect(abs(values.reduce(0, +) - 9) < 1e-9)
    #expect(result.notes.count == 1)
  }

  @Test("spread: never below 0, and says what could not be absorbed")
  func spreadOverflow() {
    let result = convert([5, 6, 2, 8], .spread)
    #expect(result.values == [0, 0, 6])
    #expect(result.notes.first?.message.contains("could not be absorbed") == true)
  }

  @Test("zero: drops become 0 with one summary note per series")
  func zero() {
    let result = convert([10, 8, 9, 5, 6], .zero)
    #expect(result.values == [0, 1, 0, 1])
    #expect(result.notes.count == 1)
    #expect(result.notes.first?.message.hasPrefix("2 downward correction(s) totalling 6") == true)
    #expect(result.notes.first?.date == start.adding(days: 1))
  }

  @Test("a gap stays nil and the next value carries the increase over the gap, noted")
  func gap() {
    let result = convert([1, 2, nil, nil, 8], .report)
    #expect(result.values == [1, nil, nil, 6])
    #expect(result.notes.count == 1)
    #expect(result.notes.first?.date == start.adding(days: 4))
  }
}
