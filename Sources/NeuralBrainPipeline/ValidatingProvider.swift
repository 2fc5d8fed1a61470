import NeuralBrainCore
import NeuralBrainNormalize
import NeuralBrainProviders
import Synchronization

/// Wraps a provider so that output the normalizer rejects counts as the provider's
/// `invalid_output` failure: one strike, after which the chain says whether to ask again.
/// Output that passes is handed to `ledger`, so the normalize step derives from it without
/// validating it again.
struct ValidatingProvider: ForecastProvider {
  let inner: any ForecastProvider
  let dataset: Dataset
  let ledger: ValidationLedger

  var name: String { inner.name }
  var model: String { inner.model }

  func forecast(
    _ request: ForecastRequest, outcomes: any RequestOutcomeHandler
  ) async throws(ProviderFailure) -> ProviderOutput {
    while true {
      let output = try await inner.forecast(request, outcomes: outcomes)
      let failure: ProviderFailure
      do {
        ledger.record(try Normalizer().validate(output, dataset: dataset, targets: request.targets))
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

/// The validated output of each provider of one run, by provider name (the last one that
/// passed); the chain returns the winner's raw output, this returns its checked form.
final class ValidationLedger: Sendable {
  private let outputs = Mutex<[String: ValidatedOutput]>([:])

  func record(_ validated: ValidatedOutput) {
    outputs.withLock { $0[validated.output.provider] = validated }
  }

  func validated(by provider: String) -> ValidatedOutput? { outputs.withLock { $0[provider] } }
}
