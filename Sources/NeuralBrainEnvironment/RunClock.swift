import Foundation

/// The time a run sees: the wall clock for timestamps, a monotonic reading for durations, and
/// the waits of retries, timeouts and the schedule.
///
/// Every wait in NeuralBrain goes through one of these, so a test passes a clock it moves by
/// hand and no test waits on real time.
public protocol RunClock: Sendable {
  /// The current wall-clock time (run timestamps, audit events, lock changes).
  func now() -> Date
  /// A monotonic reading since an arbitrary origin; only differences mean anything.
  func uptime() -> Duration
  /// Suspends for `duration`; throws `CancellationError` when the task is cancelled first.
  func sleep(for duration: Duration) async throws
}

extension RunClock {
  /// The time `body` took on this clock, with its result.
  public func measure<T>(_ body: () async throws -> T) async rethrows -> (value: T, duration: Duration) {
    let start = uptime()
    let value = try await body()
    return (value, uptime() - start)
  }
}

extension Duration {
  /// The duration in seconds, as a `Double`.
  public var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }

  /// A duration of `seconds` (negative values count as zero), rounded to the millisecond.
  public static func seconds(rounding seconds: Double) -> Duration {
    .milliseconds(Int64((max(seconds, 0) * 1000).rounded()))
  }
}
