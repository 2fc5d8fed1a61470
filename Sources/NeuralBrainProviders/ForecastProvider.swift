import NeuralBrainCore

/// Anything that can forecast a run's series: a hosted model behind an HTTP API or the embedded
/// `local` models. The provider chain holds exactly one of them locked at a time.
public protocol ForecastProvider: Sendable {
  /// The configured name: `openai`, `local`, or a custom `[providers.<name>]`.
  var name: String { get }
  var model: String { get }
  /// Forecasts every series of the request (at most `concurrency` requests in flight), reporting
  /// each request's outcome to `outcomes`. Throws only after `outcomes` answered `.giveUp`.
  func forecast(_ request: ForecastRequest, outcomes: any RequestOutcomeHandler) async throws(ProviderFailure)
    -> ProviderOutput
  /// Cheap health probe; never a paid completion.
  func checkHealth() async -> HealthStatus
}

extension ForecastProvider {
  /// Forecasts with no second chance: the first failed request ends the forecast.
  public func forecast(_ request: ForecastRequest) async throws(ProviderFailure) -> ProviderOutput {
    try await forecast(request, outcomes: GiveUpAtFirstFailure())
  }
}
