import Foundation
import Logging
import NeuralBrainEnvironment
import ServiceLifecycle

/// The loop behind `neuralbrain schedule`: batches every `interval`, health checks every
/// `healthInterval`, until a graceful shutdown, cancellation or the end of a replay.
///
/// Errors of a batch or a check are logged and never end the loop; only the waits between
/// them are cancelled by a shutdown, so a batch in progress always finishes.
struct BatchScheduler: Service {
  var interval: TimeInterval
  var healthInterval: TimeInterval?
  var clock: any RunClock
  /// Where a replay ends (exclusive); nil runs until shut down.
  var end: Date?
  /// Runs one batch at the given time (its `--now`) and returns its summary line.
  var batch: @Sendable (Date) async throws -> String
  /// Probes provider health and returns how many providers were checked.
  var healthCheck: @Sendable () async throws -> Int
  var logger: Logger

  func run() async throws {
    var nextBatch = clock.now()
    var nextHealth = healthInterval.map { clock.now().addingTimeInterval($0) }
    var batches = 0
    var failures = 0
    while !Task.isShuttingDownGracefully {
      if clock.now() >= nextBatch {
        batches += 1
        do {
          let line = try await batch(clock.now())
          logger.info("\(line)", metadata: ["batch": "\(batches)"])
        } catch {
          failures += 1
          logger.error(
            "batch failed; next attempt in \(Int(interval)) s",
            metadata: ["batch": "\(batches)", "error": "\(error)"])
        }
        nextBatch = Self.next(after: nextBatch, every: interval, now: clock.now())
      }
      if let due = nextHealth, let every = healthInterval, clock.now() >= due {
        do {
          let checked = try await healthCheck()
          logger.info("health checked", metadata: ["providers": "\(checked)"])
        } catch {
          logger.error("health check failed", metadata: ["error": "\(error)"])
        }
        nextHealth = Self.next(after: due, every: every, now: clock.now())
      }
      guard await sleep(until: min(nextBatch, nextHealth ?? nextBatch)) else { break }
    }
    logger.info("schedule stopped", metadata: ["batches": "\(batches)", "failed": "\(failures)"])
  }

  /// Waits until `date`; false when the schedule should stop instead: a graceful shutdown
  /// (SIGTERM/SIGINT ends the wait at once), cancellation, or the end of a replay.
  private func sleep(until date: Date) async -> Bool {
    if let end, date >= end { return false }
    do {
      try await cancelWhenGracefulShutdown {
        try await clock.sleep(for: .seconds(rounding: date.timeIntervalSince(clock.now())))
      }
    } catch {
      return false
    }
    return !Task.isShuttingDownGracefully
  }

  /// The first tick of `every` after `previous` that is still ahead of `now`: a batch that ran
  /// longer than the interval skips the missed ticks instead of running back to back.
  static func next(after previous: Date, every: TimeInterval, now: Date) -> Date {
    var next = previous.addingTimeInterval(every)
    while next <= now { next = next.addingTimeInterval(every) }
    return next
  }
}
