import NeuralBrainCore
import NeuralBrainNormalize
import NeuralBrainProviders

/// Wraps a provider so that output the normalizer rejects counts as the provider's
/// `invalid_output` failure: one strike, after which the chain says whether to ask again.
struct ValidatingProvider: ForecastProvider {
  let inner: any ForecastProvider
  let dataset: Dataset
  let run: RunInfo

  var name: String { inner.name }
  var model: String { inner.model }

  func forecast(
    _ request: ForecastRequest, outcomes: any RequestOutcomeHandler
  ) async throws(ProviderFailure) -> ProviderOutput {
    while true {
      let output = try await inner.forecast(request, outcomes: outcomes)
      let failure: ProviderFailure
      do {
        _ = try Normalizer().normalize(output, dataset: dataset, targets: request.targets, run: run)
        return output
      } catch {
        failure = ProviderFailure(
          provider: inner.name, failureClass: .invalidOutput,
          message: error.errorDescription ?? "the output failed validation")
      }
      if case .giveUp = await outcomes.requestFailed(failure) { throw failure }
    }
  }

  func checkHealth() async -> HealthStatus { await inner.checkHealth() }
}
