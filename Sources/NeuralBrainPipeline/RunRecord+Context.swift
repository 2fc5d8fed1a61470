import Foundation
import NeuralBrainCore
import NeuralBrainStore

extension RunRecord {
  /// Fills in what the run produced. The publish step saves it before the release goes live,
  /// so a run killed right after the switch leaves a complete record whose status alone the
  /// next run has to settle (`RunReconciliation`).
  mutating func complete(from context: RunContext) {
    source = context.dataset?.provenance.source
    dataAsOf = context.dataset?.provenance.dataAsOf.iso
    provider = context.output?.provider
    model = context.output?.model
    fallbackUsed = context.fallbackUsed
    regions = context.forecasts.count
    releasePath = context.releaseDirectory?.path
    summary = context.summary
    requests = context.output?.usage?.requests
    promptTokens = context.output?.usage?.promptTokens
    completionTokens = context.output?.usage?.completionTokens
  }
}
