import Foundation
import NeuralBrainCore
import NeuralBrainStore

extension RunRecord {
  /// Fills in what the run produced. The publish step saves it before the release goes live,
  /// so a run killed right after the switch leaves a complete record whose status alone the
  /// next run has to settle (`RunReconciliation`).
  mutating func complete(from context: RunContext) {
    inputDigest = context.inputDigest
    releasePath = context.releaseDirectory?.path
    if let reused = context.reusedRun {
      reusedFrom = reused.reusedFrom ?? reused.id
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
