import Logging
import ServiceLifecycle

/// The loop behind `neuralbrain schedule`: batches every `interval`, health checks every
/// `healthInterval`, until a graceful shutdown.
///
/// Errors of a batch or a check are logged and never end the loop; only the sleeps between
/// them are cancelled by a shutdown, so a batch in progress always finishes.
struct BatchScheduler: Service {
  var interval: Duration
  var healthInterval: Duration?
  /// Runs one batch and returns its summary line.
  var batch: @Sendable () async throws -> String
  /// Probes provider health and returns how many providers were checked.
  var healthCheck: @Sendable () async throws -> Int
  var logger: Logger

  func run() async throws {
    let clock = ContinuousClock()
    var nextBatch = clock.now
    var nextHealth = healthInterval.map { clock.now.advanced(by: $0) }
    var batches = 0
    var failures = 0
    while !Task.isShuttingDownGracefully {
      if clock.now >= nextBatch {
        batches += 1
        do {
          let line = try await batch()
          logger.info("\(line)", metadata: ["batch": "\(batches)"])
        } catch {
          failures += 1
          logger.error("batch failed; next attempt in \(interval)", metadata: [
            "batch": "\(batches)", "error": "\(error)",
          ])
        }
        nextBatch = Self.next(after: nextBatch, every: interval, now: clock.now)
      }
      if let due = nextHealth, let every = healthInterval, clock.now >= due {
        do {
          let checked = try await healthCheck()
          logger.info("health checked", metadata: ["providers": "\(checked)"])
        } catch {
          logger.error("health check failed", metadata: ["error": "\(error)"])
        }
        nextHealth = Self.next(after: due, every: every, now: clock.now)
      }
      let wake = min(nextBatch, nextHealth ?? nextBatch)
      try? await cancelWhenGracefulShutdown { try await Task.sleep(until: wake, clock: clock) }
    }
    logger.info("schedule stopped", metadata: ["batches": "\(batches)", "failed": "\(failures)"])
  }

  /// The first tick of `every` after `previous` that is still ahead of `now`: a batch that ran
  /// longer than the interval skips the missed ticks instead of running back to back.
  static func next(
    after previous: ContinuousClock.Instant, every: Duration, now: ContinuousClock.Instant
  ) -> ContinuousClock.Instant {
    var next = previous.advanced(by: every)
    while next <= now { next = next.advanced(by: every) }
    return next
  }
}
