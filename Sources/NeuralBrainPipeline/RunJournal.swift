import Foundation
import Logging
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainStore

/// The record of one run: its row in the state database, its audit events, its log lines and
/// the Prometheus textfile. `RunPipeline` tells it when the run starts, when each step ends and
/// how the run ends; nothing else writes the run's bookkeeping.
struct RunJournal {
  private(set) var record: RunRecord
  let database: NeuralBrainDatabase
  let options: RunOptions
  let logger: Logger
  let environment: RunEnvironment
  private let started: Duration
  /// When the last successful run before this one finished, for the textfile.
  private let previousSuccess: Double?
  /// Seconds spent in each step, in order.
  private(set) var durations: [(step: String, seconds: Double)] = []

  /// Records the run as started (row and audit event).
  init(
    runID: String, database: NeuralBrainDatabase, options: RunOptions, environment: RunEnvironment, logger: Logger
  ) throws {
    started = environment.clock.uptime()
    self.environment = environment
    record = RunRecord(id: runID, startedAt: options.now, seed: options.seed)
    self.database = database
    self.options = options
    self.logger = logger
    previousSuccess = MetricsTextfile.previousSuccess(
      stateDirectory: options.stateDirectory, fileSystem: environment.fileSystem)
    try database.startRun(record)
    try database.appendAudit([AuditEvent(time: environment.clock.now(), type: .runStarted, runID: runID)])
  }

  /// Seconds since the run started.
  var elapsed: Double { (environment.clock.uptime() - started).seconds }

  /// Times `body` as step `name` (the `index`-th of `count`).
  mutating func step<Value>(
    _ name: String, index: Int, of count: Int, _ body: () async throws -> Value
  ) async rethrows -> Value {
    logger.info("[\(index)/\(count)] \(name)")
    let start = environment.clock.uptime()
    defer {
      let seconds = (environment.clock.uptime() - start).seconds
      durations.append((name, seconds))
      logger.debug("step finished", metadata: ["step": "\(name)", "seconds": "\(String(format: "%.3f", seconds))"])
    }
    return try await body()
  }

  /// Records the run as failed in `failure.step`: row, audit event, textfile, log line.
  mutating func fail(_ failure: PipelineError, context: RunContext) {
    record.status = .failed
    record.finishedAt = options.now.addingTimeInterval(elapsed)
    record.error = failure.errorDescription
    try? database.finishRun(record)
    try? database.appendAudit([
      AuditEvent(
        time: environment.clock.now(), type: .runFinished, runID: record.id,
        details: ["status": "failed", "step": failure.step])
    ])
    MetricsTextfile.write(
      .init(
        success: false, finishedAt: environment.clock.now(), exitCode: failure.exitStatus.rawValue,
        durations: durations,
        provider: context.output?.provider, model: context.output?.model, fallbackUsed: context.fallbackUsed,
        regions: 0, previousSuccess: previousSuccess),
      stateDirectory: options.stateDirectory, fileSystem: environment.fileSystem)
    logger.error("run failed", metadata: ["step": "\(failure.step)", "error": "\(failure.errorDescription ?? "")"])
  }

  /// Records the run as succeeded with what it published, and returns its summary.
  mutating func succeed(context: RunContext) throws(PipelineError) -> RunSummary {
    for warning in context.warnings { logger.warning("\(warning)") }
    record.complete(from: context)
    guard let provider = record.provider, let model = record.model, let release = context.releaseDirectory else {
      throw PipelineError(step: "finish", underlying: StepOrderError.missing("a published release"))
    }
    record.status = .succeeded
    record.finishedAt = options.now.addingTimeInterval(elapsed)
    var details = ["status": "succeeded", "regions": "\(record.regions)"]
    if let reused = record.reusedFrom { details["reused_release_of"] = reused }
    do {
      try database.finishRun(record)
      try database.appendAudit([
        AuditEvent(
          time: environment.clock.now(), type: .runFinished, provider: provider, runID: record.id, details: details)
      ])
    } catch {
      throw PipelineError(step: "finish", underlying: error)
    }
    MetricsTextfile.write(
      .init(
        success: true, finishedAt: environment.clock.now(), exitCode: 0, durations: durations, provider: provider,
        model: model, fallbackUsed: record.fallbackUsed, regions: record.regions, previousSuccess: previousSuccess),
      stateDirectory: options.stateDirectory, fileSystem: environment.fileSystem)
    return RunSummary(
      runID: record.id, regions: record.regions, provider: provider, model: model,
      fallbackUsed: record.fallbackUsed, releaseDirectory: release, seconds: elapsed, reusedFrom: record.reusedFrom)
  }
}
