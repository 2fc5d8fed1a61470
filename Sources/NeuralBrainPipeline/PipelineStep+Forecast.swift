import AsyncHTTPClient
import Foundation
import NeuralBrainCore
import NeuralBrainNormalize
import NeuralBrainProviders

extension PipelineStep {
  /// Forecasts every series with exactly one provider, under the persistent lock.
  public static func forecast() -> PipelineStep {
    PipelineStep(name: "forecast") { current in
      var context = current
      let dataset = try context.requireDataset()
      let options = context.options
      let targets = ForecastTargets(frequency: dataset.frequency, steps: options.steps)
      let request = ForecastRequest(dataset: dataset, targets: targets, seed: options.seed, runID: context.runID)
      let ledger = ValidationLedger()
      let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: ProviderFactory.httpClientConfiguration())
      let slots = ProviderFactory.make(
        configuration: options.providers, environment: options.environment, httpClient: client
      ).map { slot in
        guard let provider = slot.provider else { return slot }
        return ProviderSlot(
          name: slot.name, state: .ready(ValidatingProvider(inner: provider, dataset: dataset, ledger: ledger)))
      }
      let chain = ProviderChain(
        slots: slots, policy: FailoverPolicy(configuration: options.providers),
        store: DatabaseLockStore(database: context.database, keep: options.providers.auditKeep))
      let result: ChainResult
      do {
        result = try await chain.run(request)
      } catch {
        try? await client.shutdown()
        throw error
      }
      try await client.shutdown()
      guard let validated = ledger.validated(by: result.output.provider) else {
        throw StepOrderError.missing("the validated output of \(result.output.provider)")
      }
      context.validated = validated
      context.fallbackUsed = result.fallbackUsed
      if result.fallbackUsed {
        context.notes.append("Forecasts came from \(result.output.provider), a fallback provider.")
      }
      return context
    }
  }
}
