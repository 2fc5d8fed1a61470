import Foundation

/// The persistent provider lock: exactly one provider at a time (docs/providers.md §5).
public struct LockState: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case provider
    case acquiredAt = "acquired_at"
    case consecutiveFailures = "consecutive_failures"
    case lastFailureClass = "last_failure_class"
    case healthyStreaks = "healthy_streaks"
    case failedHealthChecks = "failed_health_checks"
    case lastHealth = "last_health"
  }
  /// The locked provider's name.
  public var provider: String
  public var acquiredAt: Date
  /// Consecutive counted failures of the locked provider, by class.
  public var consecutiveFailures: Int
  public var lastFailureClass: FailureClass?
  /// Consecutive healthy checks per higher-priority provider, for promotion.
  public var healthyStreaks: [String: Int]
  /// Consecutive failed health-monitor probes of the locked provider (failover before the next
  /// run when they reach the configured count).
  public var failedHealthChecks: Int
  /// The last health each provider was seen in (true: healthy), so that only changes are audited.
  public var lastHealth: [String: Bool]

  public init(
    provider: String, acquiredAt: Date, consecutiveFailures: Int = 0,
    lastFailureClass: FailureClass? = nil, healthyStreaks: [String: Int] = [:], failedHealthChecks: Int = 0,
    lastHealth: [String: Bool] = [:]
  ) {
    self.provider = provider
    self.acquiredAt = acquiredAt
    self.consecutiveFailures = consecutiveFailures
    self.lastFailureClass = lastFailureClass
    self.healthyStreaks = healthyStreaks
    self.failedHealthChecks = failedHealthChecks
    self.lastHealth = lastHealth
  }
}

/// The lock as stored, with the version a compare-and-swap save must match.
public struct StoredLock: Sendable, Hashable {
  public var state: LockState
  /// Advances with every save; a save made against an older version is refused.
  public var version: Int

  public init(state: LockState, version: Int) {
    self.state = state
    self.version = version
  }
}
