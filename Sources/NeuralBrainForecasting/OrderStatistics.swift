/// The order statistics a set of quantiles reads, put in place faster than a comparison sort.
///
/// The Monte Carlo simulations (FluSight baseline, trends ensemble) need, at every step, 23
/// quantiles and a median of hundreds to thousands of sample paths; a full sort of each step's
/// paths was most of the forecaster's time. A median alone is found by selection, in linear
/// time. The 46 ranks of 23 quantiles are nearly a sort, and comparisons of shuffled paths
/// mispredict every other branch, so those arrays get a least-significant-digit radix sort of
/// their bit patterns instead (200 paths: 3.0 µs against 5.7 µs for the selection). Either way
/// the values at those ranks are exactly the sorted array's: where values compare equal they
/// are bitwise equal, because an array holding a NaN or a negative zero (the only values that
/// compare equal to a different one, or to nothing) is sorted by `sort()` instead.
public enum OrderStatistics {
  /// The 0-based ranks that `Quantile.type7(sorted:_:)` reads for each of `levels` among `count`
  /// values: ascending, without repeats.
  public static func ranks(count: Int, levels: [Double]) -> [Int] {
    guard count > 1 else { return count == 1 ? [0] : [] }
    var ranks: [Int] = []
    for level in levels {
      let lower = Quantile.type7Position(count: count, level).lower
      ranks += lower >= count - 1 ? [count - 1] : [lower, lower + 1]
    }
    ranks.sort()
    return ranks.enumerated().compactMap { index, rank in index > 0 && ranks[index - 1] == rank ? nil : rank }
  }

  /// Reorders `values` so that each of `ranks` (ascending, in `values.indices`) holds the value
  /// a sort would put there; `Quantile.type7(sorted:_:)` may then read those ranks.
  public static func select(_ values: inout [Double], ranks: [Int]) {
    guard values.count > 1, !ranks.isEmpty else { return }
    if values.contains(where: { $0.isNaN || ($0 == 0 && $0.sign == .minus) }) {
      values.sort()
      return
    }
    if ranks.count > radixRankCount {
      radixSort(&values)
      return
    }
    // Past this depth of partitions (bad pivots), the remaining range is sorted.
    let depthLimit = 2 * (Int.bitWidth - values.count.leadingZeroBitCount)
    values.withUnsafeMutableBufferPointer { buffer in
      select(buffer, from: 0, to: buffer.count, ranks: ranks[...], depth: depthLimit)
    }
  }

  /// Beyond this many ranks a radix sort of the whole array is faster than selecting them (at
  /// 200 values, 2 ranks take a selection 2.3 µs, 6 ranks 3.7 µs, a radix sort 3.0 µs).
  private static let radixRankCount = 6

  /// Sorts `values` (no NaN, no negative zero) ascending by their IEEE 754 bit patterns, mapped
  /// so that unsigned order is numeric order: a byte at a time from the lowest, each pass a
  /// stable counting sort, skipping the bytes every value shares.
  static func radixSort(_ values: inout [Double]) {
    let count = values.count
    guard count > 1 else { return }
    values.withUnsafeMutableBufferPointer { values in
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * count) { keys in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 8 * 256) { counts in
          counts.initialize(repeating: 0)
          var source = UnsafeMutableBufferPointer(rebasing: keys[0..<count])
          var target = UnsafeMutableBufferPointer(rebasing: keys[count..<(2 * count)])
          for index in 0..<count {
            let bits = values[index].bitPattern
            let key = bits >> 63 == 1 ? ~bits : bits | 1 << 63
            source[index] = key
            for byte in 0..<8 { counts[byte << 8 | Int(truncatingIfNeeded: key >> (8 * byte)) & 0xFF] += 1 }
          }
          for byte in 0..<8 {
            let base = byte << 8
            let shift = UInt64(8 * byte)
            guard counts[base | Int(truncatingIfNeeded: source[0] >> shift) & 0xFF] < count else { continue }
            var start = 0
            for digit in base..<(base + 256) {
              let size = counts[digit]
              counts[digit] = start
              start += size
            }
            for index in 0..<count {
              let key = source[index]
              let digit = base | Int(truncatingIfNeeded: key >> shift) & 0xFF
              target[counts[digit]] = key
              counts[digit] += 1
            }
            swap(&source, &target)
          }
          for index in 0..<count {
            let key = source[index]
            values[index] = Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
          }
        }
      }
    }
  }

  /// Ranges this short are sorted by insertion instead of partitioned.
  private static let insertionLimit = 32

  /// Selects `ranks` (all in `low..<high`) within `values[low..<high]`: Hoare's partition
  /// around the median of three (it splits runs of ties, common in resampled paths, between the
  /// sides), then the sides that hold a wanted rank.
  private static func select(
    _ values: UnsafeMutableBufferPointer<Double>, from low: Int, to high: Int, ranks: ArraySlice<Int>, depth: Int
  ) {
    guard !ranks.isEmpty, high - low > 1 else { return }
    if high - low <= insertionLimit {
      insertionSort(values, from: low, to: high)
      return
    }
    if depth == 0 {
      var range = UnsafeMutableBufferPointer(rebasing: values[low..<high])
      range.sort()
      return
    }
    // The median of three goes first, so that both sides get at least one value.
    let middle = low + (high - low) / 2
    if values[middle] < values[low] { values.swapAt(middle, low) }
    if values[high - 1] < values[middle] { values.swapAt(high - 1, middle) }
    if values[middle] < values[low] { values.swapAt(middle, low) }
    values.swapAt(low, middle)
    let pivot = values[low]
    var left = low - 1
    var right = high
    while true {
      repeat { left += 1 } while values[left] < pivot
      repeat { right -= 1 } while values[right] > pivot
      if left >= right { break }
      values.swapAt(left, right)
    }
    let split = right + 1
    select(values, from: low, to: split, ranks: ranks.prefix { $0 < split }, depth: depth - 1)
    select(values, from: split, to: high, ranks: ranks.drop { $0 < split }, depth: depth - 1)
  }

  private static func insertionSort(_ values: UnsafeMutableBufferPointer<Double>, from low: Int, to high: Int) {
    for end in (low + 1)..<high {
      let value = values[end]
      var slot = end
      while slot > low, values[slot - 1] > value {
        values[slot] = values[slot - 1]
        slot -= 1
      }
      values[slot] = value
    }
  }
}
