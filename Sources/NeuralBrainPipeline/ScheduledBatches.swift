import Foundation
import Logging
import NeuralBrainEnvironment
import ServiceLifecycle
import UnixSignals

/// The use case behind `neuralbrain schedule`: a batch now and then every `interval`, provider
/// health checks every `healthInterval`, until SIGTERM or SIGINT (a running batch finishes
/// first), or a replay of past time on a simulated clock.
public struct ScheduledBatches: Sendable {
  public var workspace: Workspace
  public var overrides: RunOverrides
  /// Seconds between batches.
  public var interval: TimeInterval
  /// Seconds between provider health checks; nil turns them off (always off in a replay).
  public var healthInterval: TimeInterval?
  /// Replays this stretch of time (end exclusive) instead of waiting on the wall clock: every
  /// batch the schedule would have run, each with its time as `--now`.
  public var replay: Range<Date>?
  public var logger: Logger
  /// A fresh progress display for each batch, if any.
  public var progress: @Sendable () -> (any PipelineProgress)?

  public init(
    workspace: Workspace, overrides: RunOverrides, interval: TimeInterval, healthInterval: TimeInterval?,
    replay: Range<Date>?, logger: Logger,
    progress: @escaping @Sendable () -> (any PipelineProgress)?
  ) {
    self.workspace = workspace
    self.overrides = overrides
    self.interval = interval
    self.healthInterval = healthInterval
    self.replay = replay
    self.logger = logger
    self.progress = progress
  }

  /// Runs until a graceful shutdown or the end of the replay.
  public func run() async throws {
    var batches = workspace
    if let replay { batches.environment = workspace.environment.on(SimulatedClock(start: replay.lowerBound)) }
    let scheduler = BatchScheduler(
      interval: interval,
      healthInterval: replay == nil ? healthInterval : nil,
      clock: batches.environment.clock,
      end: replay?.upperBound,
      batch: { [batches, overrides, logger, progress] time in
        try await batches.run(overrides, now: time, logger: logger, progress: progress()).line
      },
      healthCheck: { [workspace] in try await workspace.checkHealth().count },
      logger: logger)
    // The scheduler returns only when shut down or at the end of a replay: both end the group.
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [.init(service: scheduler, successTerminationBehavior: .gracefullyShutdownGroup)],
        gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
  }
}
