import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainProviders
import NeuralBrainStore

/// Probes every configured provider with its cheap health endpoint (model list, whoami, token
/// verify — never a paid completion), records the results, and acts on them through the failover
/// policy: healthy streaks promote a provider back up at the next run, a locked provider whose
/// probe fails `health_failover_checks` consecutive times is failed over before the next run, and
/// a healthy probe clears its counted `unavailable` failures. Only changes of a provider's health
/// are audited. `schedule` runs it every `--health-interval`; cron can run `neuralbrain health`.
public struct HealthMonitor: Sendable {
  public var providers: ProvidersConfiguration
  public var environment: RunEnvironment
  public var database: NeuralBrainDatabase

  public init(providers: ProvidersConfiguration, environment: RunEnvironment, database: NeuralBrainDatabase) {
    self.providers = providers
    self.environment = environment
    self.database = database
  }

  /// One probe of every provider in the order; unconfigured ones are reported, not probed.
  public func check() async throws -> [ProviderHealth] {
    var results: [ProviderHealth] = []
    for slot in ProviderFactory.make(configuration: providers, environment: environment) {
      if let provider = slot.provider {
        results.append(ProviderHealth(name: slot.name, status: await provider.checkHealth(), unconfiguredReason: nil))
      } else if case .unconfigured(let reason) = slot.state {
        results.append(ProviderHealth(name: slot.name, status: nil, unconfiguredReason: reason))
      }
    }
    let now = environment.clock.now()
    try database.recordHealthChecks(
      results.compactMap { result in
        result.status.map {
          HealthCheckRecord(
            time: now, provider: result.name, healthy: $0.healthy, failureClass: $0.failure?.failureClass,
            httpStatus: $0.failure?.httpStatus, latencyMs: $0.latencyMilliseconds)
        }
      })
    try apply(results.compactMap(\.status), at: now)
    return results
  }

  /// Applies the probes to the stored lock. A save races a run's own lock changes only through
  /// compare-and-swap: on a conflict the probes are applied again to the lock as it now is.
  func apply(_ statuses: [HealthStatus], at time: Date) throws {
    let policy = FailoverPolicy(configuration: providers)
    for _ in 0..<3 {
      let stored = try database.loadLock()
      var lock = stored?.state ?? policy.initialLock(at: time)
      var events: [AuditEvent] = []
      for status in statuses {
        let outcome = policy.apply(.monitored(status), to: lock, at: time)
        lock = outcome.lock
        events += outcome.events
      }
      if lock == stored?.state, events.isEmpty { return }
      if try database.saveLock(lock, replacing: stored?.version, events: events, keep: providers.auditKeep) != nil {
        return
      }
    }
  }
}

/// The health of one provider of the chain.
public struct ProviderHealth: Sendable, Hashable, Codable {
  public var name: String
  /// nil when the provider is unconfigured (no key).
  public var status: HealthStatus?
  public var unconfiguredReason: String?

  /// `openai: healthy 120 ms`, `gemini: UNHEALTHY — …` or `groq: unconfigured — …`.
  public var line: String {
    guard let status else { return "\(name): unconfigured — \(unconfiguredReason ?? "")" }
    let latency = status.latencyMilliseconds.map { " \($0) ms" } ?? ""
    let failure = status.failure.map { " — \($0.description)" } ?? ""
    return "\(name): \(status.healthy ? "healthy" : "UNHEALTHY")\(latency)\(failure)"
  }
}
