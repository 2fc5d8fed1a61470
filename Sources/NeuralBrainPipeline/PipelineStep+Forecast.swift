import AsyncHTTPClient
import Foundation
import NeuralBrainCore
import NeuralBrainProviders

extension PipelineStep {
  /// Forecasts every series with exactly one provider, under the persistent lock.
  public static func forecast() -> PipelineStep {
    PipelineStep(name: "forecast") { context in
      let dataset = try context.requireDataset()
      let options = context.options
      let targets = ForecastTargets(frequency: dataset.frequency, steps: options.steps)
      let request = ForecastRequest(dataset: dataset, targets: targets, seed: options.seed, runID: context.runID)
      let probe = RunInfo(
        runID: context.runID, generatedAt: options.now, provider: "", model: "", method: "",
        fallbackUsed: false, provenance: dataset.provenance, frequency: dataset.frequency, seed: options.seed)
      let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: ProviderFactory.httpClientConfiguration())
      let slots = ProviderFactory.make(
        configuration: options.providers, environment: options.environment, httpClient: client
      ).map { slot in
        guard let provider = slot.provider else { return slot }
        return ProviderSlot(name: slot.name, state: .ready(ValidatingProvider(inner: provider, dataset: dataset, run: probe)))
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
      context.targets = targets
      context.output = result.output
      context.fallbackUsed = result.fallbackUsed
      if result.fallbackUsed {
        context.notes.append("Forecasts came from \(result.output.provider), a fallback provider.")
      }
    }
  }
}
