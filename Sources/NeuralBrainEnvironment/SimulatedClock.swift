import Foundation
import Synchronization

/// A clock that replays time without waiting: every sleep moves it forward at once.
///
/// `neuralbrain schedule --from … --until …` runs weeks of batches on it in minutes, through
/// the same scheduler as the wall clock.
public final class SimulatedClock: RunClock {
  private let start: Date
  private let offset = Mutex(Duration.zero)

  public init(start: Date) { self.start = start }

  public func now() -> Date { start.addingTimeInterval(uptime().seconds) }

  public func uptime() -> Duration { offset.withLock { $0 } }

  public func sleep(for duration: Duration) async throws {
    try Task.checkCancellation()
    offset.withLock { $0 += max(duration, .zero) }
  }
}
