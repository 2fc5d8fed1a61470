import Foundation
import NeuralBrainCore
import NeuralBrainStore

extension RunContext {
  /// Saves everything the run record says before the release goes live; only its status waits
  /// (a run killed right after the switch leaves a record `RunReconciliation` settles).
  func saveRecordBeforeSwitch() throws {
    guard var record = try database.run(id: runID) else { return }
    record.complete(from: self)
    try database.finishRun(record)
  }
}

extension RunRecord {
  /// Fills in what the run produced. The publish step saves it before the release goes live,
  /// so a run killed right after the switch leaves a complete record whose status alone the
  /// next run has to settle (`RunReconciliation`).
  mutating func complete(from context: RunContext) {
    inputDigest = context.inputDigest
    releasePath = context.releaseDirectory?.path
    if let reused = context.reusedRun {
      reusedFrom = reused.renderingRunID
      source = reused.source
      dataAsOf = reused.dataAsOf
      provider = reused.provider
      model = reused.model
      fallbackUsed = reused.fallbackUsed
      regions = reused.regions
      summary = reused.summary
      return
    }
    source = context.dataset?.provenance.source
    dataAsOf = context.dataset?.provenance.dataAsOf.iso
    provider = context.output?.provider
    model = context.output?.model
    fallbackUsed = context.fallbackUsed
    regions = context.forecasts.count
    summary = context.summary
    requests = context.output?.usage?.requests
    promptTokens = context.output?.usage?.promptTokens
    completionTokens = context.output?.usage?.completionTokens
  }
}
