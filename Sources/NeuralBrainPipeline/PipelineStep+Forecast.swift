import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
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
      let slots = ProviderFactory.make(configuration: options.providers, environment: context.environment).map { slot in
        guard let provider = slot.provider else { return slot }
        return ProviderSlot(
          name: slot.name, state: .ready(ValidatingProvider(inner: provider, dataset: dataset, ledger: ledger)))
      }
      let chain = ProviderChain(
        slots: slots, policy: FailoverPolicy(configuration: options.providers),
        store: DatabaseLockStore(database: context.database, keep: options.providers.auditKeep),
        clock: context.environment.clock, random: context.environment.random)
      let result = try await chain.run(request)
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
