import Foundation

/// The real clock: `Date()`, `ContinuousClock` and `Task.sleep`.
public struct LiveClock: RunClock {
  private static let origin = ContinuousClock.now

  public init() {}

  public func now() -> Date { Date() }

  public func uptime() -> Duration { ContinuousClock.now - Self.origin }

  public func sleep(for duration: Duration) async throws {
    try await Task.sleep(for: duration)
  }
}
