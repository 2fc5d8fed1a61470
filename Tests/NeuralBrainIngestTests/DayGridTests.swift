import NeuralBrainCore
import Testing

@testable import NeuralBrainIngest

/// The array that replaced a dictionary per series: rows in any order land on their day, a
/// day keeps its first value, and the entries come out in date order.
@Suite("day grid")
struct DayGridTests {
  static let start = Day(year: 2024, month: 1, day: 6)!

  /// Offsets in days from `start`, in the order rows arrive.
  @Test(
    "values land on their days in any arrival order",
    arguments: [
      [0, 7, 14, 21], [21, 14, 7, 0], [7, 0, 21, 14], [0], [3, -400, 250, 1, -1], [-1, -2, -3, -4, -5, -6, -7],
    ])
  func anyOrder(_ offsets: [Int]) {
    var grid = DayGrid<Int>()
    for (value, offset) in offsets.enumerated() {
      #expect(grid.insert(value, on: Self.start.adding(days: offset)) == nil)
    }
    let expected = offsets.enumerated().sorted { $0.element < $1.element }
    #expect(grid.entries.map(\.day) == expected.map { Self.start.adding(days: $0.element) })
    #expect(grid.entries.map(\.value) == expected.map(\.offset))
    #expect(grid.first == Self.start.adding(days: offsets.min()!))
    #expect(grid.last == Self.start.adding(days: offsets.max()!))
    for (value, offset) in offsets.enumerated() { #expect(grid[Self.start.adding(days: offset)] == value) }
    #expect(grid[Self.start.adding(days: offsets.max()! + 1)] == nil)
    #expect(grid[Self.start.adding(days: offsets.min()! - 1)] == nil)
  }

  @Test("a second value for a day is refused and the first one returned")
  func duplicate() {
    var grid = DayGrid<String>()
    #expect(grid.insert("first", on: Self.start) == nil)
    #expect(grid.insert("later", on: Self.start.adding(days: 7)) == nil)
    #expect(grid.insert("again", on: Self.start) == "first")
    #expect(grid[Self.start] == "first")
    #expect(grid.entries.count == 2)
  }

  @Test("an empty grid has no days")
  func empty() {
    let grid = DayGrid<Int>()
    #expect(grid.entries.isEmpty)
    #expect(grid.first == nil && grid.last == nil)
    #expect(grid[Self.start] == nil)
  }
}
