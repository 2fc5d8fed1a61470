import AsyncHTTPClient
import Foundation
import NeuralBrainCore
import NeuralBrainProviders
import NeuralBrainStore

/// Probes every configured provider with its cheap health endpoint (model list, whoami, token
/// verify — never a paid completion), records the results, and updates the healthy streaks that
/// promotion back up the chain needs.
public struct HealthMonitor: Sendable {
  public var providers: ProvidersConfiguration
  public var environment: [String: String]
  public var database: NeuralBrainDatabase

  public init(providers: ProvidersConfiguration, environment: [String: String], database: NeuralBrainDatabase) {
    self.providers = providers
    self.environment = environment
    self.database = database
  }

  /// One probe of every provider in the order; unconfigured ones are reported, not probed.
  public func check(now: Date) async throws -> [ProviderHealth] {
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: ProviderFactory.httpClientConfiguration())
    var results: [ProviderHealth] = []
    for slot in ProviderFactory.make(configuration: providers, environment: environment, httpClient: client) {
      if let provider = slot.provider {
        results.append(ProviderHealth(name: slot.name, status: await provider.checkHealth(), unconfiguredReason: nil))
      } else if case .unconfigured(let reason) = slot.state {
        results.append(ProviderHealth(name: slot.name, status: nil, unconfiguredReason: reason))
      }
    }
    try? await client.shutdown()
    let policy = FailoverPolicy(configuration: providers)
    var lock = try database.loadLock() ?? policy.initialLock(at: now)
    var events: [AuditEvent] = []
    for result in results {
      guard let status = result.status, status.provider != lock.provider else { continue }
      let outcome = policy.apply(.healthCheck(status), to: lock, at: now)
      lock = outcome.lock
      events += outcome.events
    }
    try database.recordHealthChecks(
      results.compactMap { result in
        result.status.map {
          HealthCheckRecord(
            time: now, provider: result.name, healthy: $0.healthy, failureClass: $0.failure?.failureClass,
            httpStatus: $0.failure?.httpStatus, latencyMs: $0.latencyMilliseconds)
        }
      })
    try database.saveLock(lock, events: events, keep: providers.auditKeep)
    return results
  }
}

/// The health of one provider of the chain.
public struct ProviderHealth: Sendable, Hashable, Codable {
  public var name: String
  /// nil when the provider is unconfigured (no key).
  public var status: HealthStatus?
  public var unconfiguredReason: String?
}
