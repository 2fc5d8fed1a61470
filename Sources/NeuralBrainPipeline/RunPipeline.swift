import Foundation
import Logging
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainPublish
import NeuralBrainStore

/// Runs one batch: takes the run lock, opens the state database, runs the steps in order, each
/// turning the run's context into the next, and lets the `RunJournal` record how the run ended.
///
/// A failing step stops the run; nothing is published, the previous release stays live, the run
/// is recorded as failed and the error names the step.
public struct RunPipeline: Sendable {
  public var steps: [PipelineStep]
  public var environment: RunEnvironment
  public var logger: Logger
  /// A live display of the running step, if any.
  public var progress: (any PipelineProgress)?

  public init(steps: [PipelineStep] = PipelineStep.standardRun, environment: RunEnvironment, logger: Logger) {
    self.steps = steps
    self.environment = environment
    self.logger = logger
  }

  public func run(_ options: RunOptions) async throws(PipelineError) -> RunSummary {
    let locks: [RunLock]
    let database: NeuralBrainDatabase
    let runID: String
    do {
      locks = [
        try RunLock(stateDirectory: options.stateDirectory, fileSystem: environment.fileSystem),
        try RunLock(outputDirectory: options.outputDirectory, fileSystem: environment.fileSystem),
      ]
      database = try NeuralBrainDatabase.open(directory: options.stateDirectory)
      runID = RunIdentifier.make(now: options.now, existing: Set(try database.runs(limit: 1000).map(\.id)))
    } catch {
      throw PipelineError(step: "start", underlying: error)
    }
    defer { withExtendedLifetime(locks) {} }
    var logger = self.logger
    logger[metadataKey: "run_id"] = "\(runID)"
    var journal: RunJournal
    do {
      // Both locks are ours: no process of an earlier run is alive or writing.
      try RunReconciliation(
        database: database,
        publisher: ReleasePublisher(outputDirectory: options.outputDirectory, fileSystem: environment.fileSystem),
        outbox: EmailOutbox(
          directory: options.outputDirectory.appendingPathComponent("email"), fileSystem: environment.fileSystem),
        logger: logger
      ).settle(at: environment.clock.now())
      journal = try RunJournal(
        runID: runID, database: database, options: options, environment: environment, logger: logger)
    } catch {
      throw PipelineError(step: "start", underlying: error)
    }
    var context = RunContext(options: options, runID: runID, database: database, environment: environment)
    for (index, step) in steps.enumerated() {
      progress?.stepStarted(index + 1, of: steps.count, name: step.name)
      defer { progress?.stepFinished() }
      do {
        context = try await journal.step(step.name, index: index + 1, of: steps.count) { [context] in
          try await step.body(context)
        }
      } catch {
        let failure = (error as? PipelineError) ?? PipelineError(step: step.name, underlying: error)
        // Writes an earlier step started finish (or fail) before the failure is recorded.
        await context.writes.settle()
        journal.fail(failure, context: context)
        throw failure
      }
      if context.reusedRun != nil { break }
    }
    return try journal.succeed(context: context)
  }
}
