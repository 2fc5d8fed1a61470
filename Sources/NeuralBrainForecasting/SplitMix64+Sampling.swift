import NeuralBrainCore

/// Sampling helpers for the Monte Carlo components, on Core's seedable `SplitMix64`.
///
/// Forecasts must be reproducible: the same inputs and seed give the same quantiles on every
/// platform, which `SystemRandomNumberGenerator` cannot promise.
extension SplitMix64 {
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
  public static func derived(seed: UInt64, index: Int) -> SplitMix64 {
    var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
    return SplitMix64(seed: mixer.next())
  }
}
