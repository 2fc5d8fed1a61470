import Foundation

/// A small, fast, seedable random number generator (SplitMix64).
///
/// Everything random in NeuralBrain (the demo simulator, Monte Carlo forecasts) draws from one
/// of these with an explicit seed, so the same inputs and seed give byte-identical output.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1).
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A standard normal draw (Box–Muller).
  public mutating func nextGaussian() -> Double {
    let u1 = max(nextUnit(), 0x1.0p-53)
    let u2 = nextUnit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
