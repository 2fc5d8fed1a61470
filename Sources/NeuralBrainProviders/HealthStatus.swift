import NeuralBrainCore

/// The result of one health probe (model list, whoami, token verify), as the health monitor and
/// the failover policy see it.
public struct HealthStatus: Sendable, Hashable, Codable {
  public var provider: String
  public var healthy: Bool
  public var failure: ProviderFailure?
  public var latencyMilliseconds: Int?

  public init(provider: String, healthy: Bool, failure: ProviderFailure? = nil, latencyMilliseconds: Int? = nil) {
    self.provider = provider
    self.healthy = healthy
    self.failure = failure
    self.latencyMilliseconds = latencyMilliseconds
  }
}
