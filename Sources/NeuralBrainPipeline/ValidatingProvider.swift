import NeuralBrainCore
import NeuralBrainNormalize
import NeuralBrainProviders

/// Wraps a provider so that output the normalizer rejects counts as the provider's
/// `invalid_output` failure, which the failover policy counts like any other.
struct ValidatingProvider: ForecastProvider {
  let inner: any ForecastProvider
  let dataset: Dataset
  let run: RunInfo

  var name: String { inner.name }
  var model: String { inner.model }

  func forecast(_ request: ForecastRequest) async throws(ProviderFailure) -> ProviderOutput {
    let output = try await inner.forecast(request)
    do {
      _ = try Normalizer().normalize(output, dataset: dataset, targets: request.targets, run: run)
    } catch {
      throw ProviderFailure(
        provider: inner.name, failureClass: .invalidOutput,
        message: error.errorDescription ?? "the output failed validation")
    }
    return output
  }

  func checkHealth() async -> HealthStatus { await inner.checkHealth() }
}
