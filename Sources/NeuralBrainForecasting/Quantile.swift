import NeuralBrainCore

/// Sample quantiles as R's default (type 7) and numpy's `linear` method compute them.
///
/// Every quantile the hubs publish is derived this way, so the baseline and the scorers must use
/// exactly this interpolation to reproduce published numbers.
public enum Quantile {
  /// The type-7 quantile of already sorted values at level `p` in [0, 1]; 0 for an empty input.
  /// Only the ranks `OrderStatistics.ranks` names are read: values with those in place
  /// (`OrderStatistics.select`) give the sorted values' quantile.
  ///
  /// Position `1 + (n − 1)p`, interpolated linearly between the neighbouring order statistics.
  public static func type7(sorted values: [Double], _ p: Double) -> Double {
    type7(count: values.count, p) { values[$0] }
  }

  /// The type-7 quantile at `p` of `count` ascending values, the i-th of which is `value(i)`
  /// (only the ranks it interpolates between are asked for); 0 when `count` is 0.
  static func type7(count n: Int, _ p: Double, value: (Int) -> Double) -> Double {
    guard n > 0 else { return 0 }
    guard n > 1 else { return value(0) }
    let (lower, fraction) = type7Position(count: n, p)
    guard lower < n - 1 else { return value(n - 1) }
    let below = value(lower)
    return below + fraction * (value(lower + 1) - below)
  }

  /// Where the type-7 quantile at `p` lies among `count` (> 1) sorted values: the 0-based rank
  /// below it and the fraction of the way to the next; at or past the last rank, the value there.
  static func type7Position(count: Int, _ p: Double) -> (lower: Int, fraction: Double) {
    let position = Double(count - 1) * min(max(p, 0), 1)
    let lower = Int(position)
    return (lower, position - Double(lower))
  }

  /// Type-7 quantiles of unsorted values at each of `levels`.
  public static func type7(_ values: [Double], levels: [Double]) -> [Double] {
    let sorted = values.sorted()
    return levels.map { type7(sorted: sorted, $0) }
  }

  /// The median (type 7) of unsorted values; 0 for an empty input.
  public static func median(_ values: [Double]) -> Double {
    var values = values
    return median(sorting: &values)
  }

  /// The median (type 7) of `values`, which it sorts in place instead of copying: for the
  /// small buffers the ensemble reuses at every step and level.
  static func median(sorting values: inout [Double]) -> Double {
    values.sort()
    return type7(sorted: values, 0.5)
  }
}
