import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Order statistics")
struct OrderStatisticsTests {
  /// Random values: continuous, or drawn from a few values (runs of ties, as resampled paths
  /// have), or already sorted or reversed (the simulations' first step is sorted).
  static func values(count: Int, shape: String, seed: UInt64) -> [Double] {
    var generator = SplitMix64(seed: seed)
    let random = (0..<count).map { _ in generator.nextUnit() * 100 - 50 }
    switch shape {
    case "ties": return random.map { ($0 / 25).rounded() }
    case "sorted": return random.sorted()
    case "reversed": return Array(random.sorted().reversed())
    case "equal": return [Double](repeating: 3.5, count: count)
    default: return random
    }
  }

  @Test(
    "the selected ranks hold the sorted values, and every hub quantile equals the sorted one",
    arguments: [1, 2, 3, 17, 33, 200, 2_000, 10_000], ["random", "ties", "sorted", "reversed", "equal"])
  func matchesSort(count: Int, shape: String) {
    let values = Self.values(count: count, shape: shape, seed: UInt64(count))
    let sorted = values.sorted()
    let levels = QuantileLevels.hub + [0.5]
    let ranks = OrderStatistics.ranks(count: count, levels: levels)
    #expect(ranks == Array(Set(ranks)).sorted())
    var selected = values
    OrderStatistics.select(&selected, ranks: ranks)
    #expect(selected.sorted() == sorted)
    for rank in ranks { #expect(selected[rank].bitPattern == sorted[rank].bitPattern) }
    for level in levels {
      #expect(Quantile.type7(sorted: selected, level).bitPattern == Quantile.type7(sorted: sorted, level).bitPattern)
    }
  }

  @Test("a single rank anywhere, e.g. the median alone", arguments: [0, 1, 499, 998, 999])
  func oneRank(rank: Int) {
    let values = Self.values(count: 1_000, shape: "ties", seed: 7)
    var selected = values
    OrderStatistics.select(&selected, ranks: [rank])
    #expect(selected[rank] == values.sorted()[rank])
  }

  @Test("the ranks type-7 reads: both neighbours of an interpolated position, the last for level 1")
  func ranks() {
    #expect(OrderStatistics.ranks(count: 5, levels: [0, 0.5, 1]) == [0, 1, 2, 3, 4])
    #expect(OrderStatistics.ranks(count: 200, levels: [0.5]) == [99, 100])
    #expect(OrderStatistics.ranks(count: 1, levels: [0.3]) == [0])
    #expect(OrderStatistics.ranks(count: 0, levels: [0.3]).isEmpty)
  }

  @Test(
    "the radix sort orders every kind of finite and infinite value as sort() does, bit for bit",
    arguments: [2, 7, 256, 5_000])
  func radixSortsLikeSort(count: Int) {
    var generator = SplitMix64(seed: UInt64(count))
    let extremes: [Double] = [
      .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
      -.leastNonzeroMagnitude, .leastNormalMagnitude, 0, 1, 1.nextUp, 1.nextDown, -1, -(1.nextUp),
    ]
    let values = (0..<count).map { index in
      index % 3 == 0
        ? extremes[generator.below(extremes.count)]
        : Double(bitPattern: generator.next() & ~(0x7FF << 52) | UInt64(generator.below(2_047)) << 52)
    }
    var sorted = values
    OrderStatistics.radixSort(&sorted)
    #expect(zip(sorted, values.sorted()).allSatisfy { $0.bitPattern == $1.bitPattern })
  }

  @Test("values with a NaN or a negative zero are sorted, as a sort would place them")
  func unorderedValues() {
    for special in [Double.nan, -0.0] {
      let values: [Double] = (0..<100).map { Double(($0 * 37) % 101) } + [special, 0, 5]
      var selected = values
      OrderStatistics.select(&selected, ranks: [50])
      let sorted = values.sorted()
      #expect(zip(selected, sorted).allSatisfy { $0.bitPattern == $1.bitPattern })
    }
  }
}
