import Foundation
import Logging
import NeuralBrainEnvironment
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainPipeline

/// What a scheduler did, in order.
typealias Timeline = EventLog<String>

/// The schedule loop on a clock the test moves: batches every interval, health checks between,
/// failures survived, replays ended; no test here waits on real time.
@Suite("batch scheduler")
struct BatchSchedulerTests {
  static let start = Date(timeIntervalSince1970: 1_796_000_000)

  static func offset(_ date: Date) -> String { "\(Int(date.timeIntervalSince(start)))" }

  static func scheduler(
    clock: any RunClock, timeline: Timeline, healthInterval: TimeInterval? = 1800, end: Date? = nil,
    failing: Bool = false
  ) -> BatchScheduler {
    BatchScheduler(
      interval: 3600, healthInterval: healthInterval, clock: clock, end: end,
      batch: { time in
        await timeline.append("batch \(offset(time))")
        if failing { throw CocoaError(.fileNoSuchFile) }
        return "published"
      },
      healthCheck: {
        await timeline.append("health \(offset(clock.now()))")
        return 5
      },
      logger: Logger(label: "test"))
  }

  @Test("a batch at start, then one every interval with health checks between, until cancelled")
  func batchesAndHealthChecks() async throws {
    let clock = TestClock(start: Self.start)
    let timeline = Timeline()
    let task = Task { try await Self.scheduler(clock: clock, timeline: timeline).run() }
    await timeline.wait(for: 1)
    // Both are due at 3600: the batch runs first, then the check, with no wait between.
    for entries in [2, 4, 5] {
      await clock.advanceToNextDeadline()
      await timeline.wait(for: entries)
    }
    task.cancel()
    try await task.value
    #expect(await timeline.events == ["batch 0", "health 1800", "batch 3600", "health 3600", "health 5400"])
    #expect(clock.requestedSleeps.prefix(3).map(\.seconds) == [1800, 1800, 1800])
  }

  @Test("a failing batch is logged and the next one still runs at its time")
  func survivesFailures() async throws {
    let clock = TestClock(start: Self.start)
    let timeline = Timeline()
    let task = Task {
      try await Self.scheduler(clock: clock, timeline: timeline, healthInterval: nil, failing: true).run()
    }
    await timeline.wait(for: 1)
    await clock.advanceToNextDeadline()
    await timeline.wait(for: 2)
    task.cancel()
    try await task.value
    #expect(await timeline.events == ["batch 0", "batch 3600"])
  }

  @Test("a replay runs every batch up to its end on a simulated clock, then returns")
  func replayEnds() async throws {
    let timeline = Timeline()
    let clock = SimulatedClock(start: Self.start)
    try await Self.scheduler(
      clock: clock, timeline: timeline, healthInterval: nil, end: Self.start.addingTimeInterval(5 * 3600)
    ).run()
    #expect(await timeline.events == (0..<5).map { "batch \($0 * 3600)" })
  }

  @Test(
    "the next tick skips ticks a long batch missed",
    arguments: [(0.0, 3600.0), (3599, 3600), (3600, 7200), (9000, 10800)] as [(Double, Double)])
  func nextTick(now: Double, expected: Double) {
    let next = BatchScheduler.next(after: Self.start, every: 3600, now: Self.start.addingTimeInterval(now))
    #expect(next == Self.start.addingTimeInterval(expected))
  }
}
