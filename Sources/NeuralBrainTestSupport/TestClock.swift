import Foundation
import NeuralBrainEnvironment
import Synchronization

/// A clock that moves only when a test says so: sleeps wait until `advance` passes their
/// deadline, so timeouts, backoffs and schedules run in no real time, in the order the test
/// sets, however loaded the machine is. With `advancesOnSleep` every sleep instead moves the
/// time forward at once (retry waits that should pass but be recorded).
public final class TestClock: RunClock {
  private struct Sleeper {
    var id: UInt64
    var deadline: Duration
    var continuation: CheckedContinuation<Void, any Error>
  }

  private struct State {
    var offset = Duration.zero
    var nextID: UInt64 = 0
    var sleepers: [Sleeper] = []
    var cancelled: Set<UInt64> = []
    var requested: [Duration] = []
    var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
  }

  private let start: Date
  private let advancesOnSleep: Bool
  private let state = Mutex(State())

  public init(start: Date = Date(timeIntervalSince1970: 1_796_000_000), advancesOnSleep: Bool = false) {
    self.start = start
    self.advancesOnSleep = advancesOnSleep
  }

  public func now() -> Date { start.addingTimeInterval(uptime().seconds) }

  public func uptime() -> Duration { state.withLock { $0.offset } }

  /// Every sleep asked for so far, in order (zero-length ones included).
  public var requestedSleeps: [Duration] { state.withLock { $0.requested } }

  public func sleep(for duration: Duration) async throws {
    let id = state.withLock { state in
      state.requested.append(duration)
      if advancesOnSleep { state.offset += max(duration, .zero) }
      state.nextID += 1
      return state.nextID
    }
    guard duration > .zero, !advancesOnSleep else { return try Task.checkCancellation() }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let resumeNow: Bool = state.withLock { state in
          if state.cancelled.remove(id) != nil { return true }
          state.sleepers.append(Sleeper(id: id, deadline: state.offset + duration, continuation: continuation))
          let count = state.sleepers.count
          let ready = state.watchers.filter { $0.count <= count }
          state.watchers.removeAll { $0.count <= count }
          for waiter in ready { waiter.continuation.resume() }
          return false
        }
        if resumeNow { continuation.resume(throwing: CancellationError()) }
      }
    } onCancel: {
      let sleeper: Sleeper? = state.withLock { state in
        guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
          state.cancelled.insert(id)
          return nil
        }
        return state.sleepers.remove(at: index)
      }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }

  /// Moves the time forward by `duration`, waking every sleep whose deadline has come.
  public func advance(by duration: Duration) {
    let due: [Sleeper] = state.withLock { state in
      state.offset += duration
      let due = state.sleepers.filter { $0.deadline <= state.offset }
      state.sleepers.removeAll { $0.deadline <= state.offset }
      return due
    }
    for waiter in due { waiter.continuation.resume() }
  }

  /// Waits until at least `count` sleeps are pending (an event, not a time).
  public func waitForSleepers(_ count: Int = 1) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let ready: Bool = state.withLock { state in
        if state.sleepers.count >= count { return true }
        state.watchers.append((count, continuation))
        return false
      }
      if ready { continuation.resume() }
    }
  }

  /// Waits for a pending sleep, then moves the time to the earliest deadline; returns how far
  /// the time moved.
  @discardableResult
  public func advanceToNextDeadline() async -> Duration {
    await waitForSleepers()
    let step = state.withLock { state in (state.sleepers.map(\.deadline).min() ?? state.offset) - state.offset }
    advance(by: step)
    return step
  }
}
