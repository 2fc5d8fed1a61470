/// A small, fast, seedable pseudo-random generator (SplitMix64).
///
/// Forecasts must be reproducible: the same inputs and seed give the same quantiles on every
/// platform, which `SystemRandomNumberGenerator` cannot promise.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound` without modulo bias (Lemire's method); 0 when `bound` ≤ 1.
  public mutating func below(_ bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    let limit = UInt64(bound)
    var product = next().multipliedFullWidth(by: limit)
    if product.low < limit {
      let threshold = (0 &- limit) % limit
      while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
    }
    return Int(product.high)
  }

  /// Shuffles `values` in place with the Fisher–Yates algorithm.
  public mutating func shuffle(_ values: inout [Double]) {
    var index = values.count - 1
    while index > 0 {
      values.swapAt(index, below(index + 1))
      index -= 1
    }
  }

  /// A generator for one item of a batch, decorrelated from its neighbours.
  public static func derived(seed: UInt64, index: Int) -> SeededGenerator {
    var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
    return SeededGenerator(seed: mixer.next())
  }
}
