import Foundation
import ServiceLifecycle
import Synchronization

/// The time `neuralbrain schedule` runs on: the wall clock, or a simulated one that replays a
/// stretch of past time without waiting (`--from`/`--until`), so that weeks of hourly batches
/// run through the same scheduler in minutes.
protocol ScheduleClock: Sendable {
  func now() -> Date
  /// Waits until `date`; false when the schedule should stop instead (a graceful shutdown, or
  /// the end of a replay).
  func sleep(until date: Date) async -> Bool
  /// Whether batches see this clock's time as their `--now` (a replay) or the real time.
  var isSimulated: Bool { get }
}

/// The real clock; a graceful shutdown (SIGTERM/SIGINT) ends a wait at once.
struct WallClock: ScheduleClock {
  func now() -> Date { Date() }

  func sleep(until date: Date) async -> Bool {
    let seconds = max(date.timeIntervalSinceNow, 0)
    try? await cancelWhenGracefulShutdown {
      try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }
    return !Task.isShuttingDownGracefully
  }

  var isSimulated: Bool { false }
}

/// A simulated clock from `start` to `end` (exclusive): a wait moves the time forward instantly.
final class ReplayClock: ScheduleClock {
  private let current: Mutex<Date>
  let end: Date

  init(start: Date, end: Date) {
    current = Mutex(start)
    self.end = end
  }

  func now() -> Date { current.withLock { $0 } }

  func sleep(until date: Date) async -> Bool {
    guard date < end, !Task.isShuttingDownGracefully else { return false }
    current.withLock { $0 = max($0, date) }
    return true
  }

  var isSimulated: Bool { true }
}
