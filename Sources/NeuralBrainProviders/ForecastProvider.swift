import NeuralBrainCore

/// Anything that can forecast a run's series: a hosted model behind an HTTP API or the embedded
/// `local` models. The provider chain holds exactly one of them locked at a time.
public protocol ForecastProvider: Sendable {
  /// The configured name: `openai`, `local`, or a custom `[providers.<name>]`.
  var name: String { get }
  var model: String { get }
  /// Forecasts every series of the request (at most `concurrency` requests in flight), or throws ProviderFailure.
  func forecast(_ request: ForecastRequest) async throws(ProviderFailure) -> ProviderOutput
  /// Cheap health probe; never a paid completion.
  func checkHealth() async -> HealthStatus
}
