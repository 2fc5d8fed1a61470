import Foundation
import Logging
import NeuralBrainCore
import NeuralBrainPublish
import NeuralBrainStore

/// Runs one batch: takes the run lock, opens the state database, runs the steps in order and
/// records how the run ended.
///
/// A failing step stops the run; nothing is published, the previous release stays live, the run
/// is recorded as failed and the error names the step.
public struct RunPipeline: Sendable {
  public var steps: [PipelineStep]
  public var logger: Logger
  /// A live display of the running step, if any.
  public var progress: (any PipelineProgress)?

  public init(steps: [PipelineStep] = PipelineStep.standardRun, logger: Logger) {
    self.steps = steps
    self.logger = logger
  }

  public func run(_ options: RunOptions) async throws(PipelineError) -> RunSummary {
    let clock = ContinuousClock()
    let started = clock.now
    let locks: [RunLock]
    let database: NeuralBrainDatabase
    do {
      locks = [try RunLock(stateDirectory: options.stateDirectory), try RunLock(outputDirectory: options.outputDirectory)]
      database = try NeuralBrainDatabase.open(directory: options.stateDirectory)
    } catch {
      throw PipelineError(step: "start", underlying: error)
    }
    defer { withExtendedLifetime(locks) {} }
    let existing: Set<String>
    do {
      existing = Set(try database.runs(limit: 1000).map(\.id))
    } catch {
      throw PipelineError(step: "start", underlying: error)
    }
    let runID = RunIdentifier.make(now: options.now, existing: existing)
    var record = RunRecord(id: runID, startedAt: options.now, seed: options.seed)
    var context = RunContext(options: options, runID: runID, database: database)
    var logger = self.logger
    logger[metadataKey: "run_id"] = "\(runID)"
    let previousSuccess = MetricsTextfile.previousSuccess(stateDirectory: options.stateDirectory)
    do {
      // Both locks are ours: no process of an earlier run is alive or writing.
      try RunReconciliation(
        database: database, publisher: ReleasePublisher(outputDirectory: options.outputDirectory),
        outbox: EmailOutbox(directory: options.outputDirectory.appendingPathComponent("email")), logger: logger
      ).settle(at: Date())
      try database.startRun(record)
      try database.appendAudit([AuditEvent(time: Date(), type: .runStarted, runID: runID)])
    } catch {
      throw PipelineError(step: "start", underlying: error)
    }
    for (index, step) in steps.enumerated() {
      logger.info("[\(index + 1)/\(steps.count)] \(step.name)")
      let stepStart = clock.now
      progress?.stepStarted(index + 1, of: steps.count, name: step.name)
      do {
        defer { progress?.stepFinished() }
        try await step.body(&context)
      } catch {
        let failure = (error as? PipelineError) ?? PipelineError(step: step.name, underlying: error)
        context.durations.append((step.name, Self.seconds(clock.now - stepStart)))
        record.status = .failed
        record.finishedAt = options.now.addingTimeInterval(Self.seconds(clock.now - started))
        record.error = failure.errorDescription
        try? database.finishRun(record)
        try? database.appendAudit([
          AuditEvent(time: Date(), type: .runFinished, runID: runID, details: ["status": "failed", "step": failure.step])
        ])
        MetricsTextfile.write(
          .init(
            success: false, finishedAt: Date(), exitCode: failure.exitStatus.rawValue, durations: context.durations,
            provider: context.output?.provider, model: context.output?.model, fallbackUsed: context.fallbackUsed,
            regions: 0, previousSuccess: previousSuccess),
          stateDirectory: options.stateDirectory)
        logger.error("run failed", metadata: ["step": "\(failure.step)", "error": "\(failure.errorDescription ?? "")"])
        throw failure
      }
      let seconds = Self.seconds(clock.now - stepStart)
      context.durations.append((step.name, seconds))
      logger.debug("step finished", metadata: ["step": "\(step.name)", "seconds": "\(String(format: "%.3f", seconds))"])
    }
    for warning in context.warnings { logger.warning("\(warning)") }
    guard let output = context.output, let release = context.releaseDirectory else {
      throw PipelineError(step: "finish", underlying: StepOrderError.missing("a published release"))
    }
    record.complete(from: context)
    record.status = .succeeded
    record.finishedAt = options.now.addingTimeInterval(Self.seconds(clock.now - started))
    do {
      try database.finishRun(record)
      try database.appendAudit([
        AuditEvent(
          time: Date(), type: .runFinished, provider: output.provider, runID: runID,
          details: ["status": "succeeded", "regions": "\(context.forecasts.count)"])
      ])
    } catch {
      throw PipelineError(step: "finish", underlying: error)
    }
    MetricsTextfile.write(
      .init(
        success: true, finishedAt: Date(), exitCode: 0, durations: context.durations, provider: output.provider,
        model: output.model, fallbackUsed: context.fallbackUsed, regions: context.forecasts.count,
        previousSuccess: previousSuccess),
      stateDirectory: options.stateDirectory)
    return RunSummary(
      runID: runID, regions: context.forecasts.count, provider: output.provider, model: output.model,
      fallbackUsed: context.fallbackUsed, releaseDirectory: release, seconds: Self.seconds(clock.now - started))
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
