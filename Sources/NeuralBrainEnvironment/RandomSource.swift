import NeuralBrainCore
import Synchronization

/// Where randomness that must not be reproducible comes from: the jitter of retry waits, which
/// keeps many jobs from retrying a vendor in lockstep. Forecasts and demo data never use it;
/// they draw from `SplitMix64` seeded by `--seed`.
public struct RandomSource: Sendable {
  private let draw: @Sendable () -> Double

  /// Draws from the system's generator.
  public static let system = RandomSource { Double.random(in: 0..<1) }

  /// A reproducible sequence from `seed`, for tests.
  public static func seeded(_ seed: UInt64) -> RandomSource {
    let generator = Mutex(SplitMix64(seed: seed))
    return RandomSource { generator.withLock { $0.nextUnit() } }
  }

  public init(_ draw: @escaping @Sendable () -> Double) { self.draw = draw }

  /// A value in `0..<1`.
  public func fraction() -> Double { draw() }
}
