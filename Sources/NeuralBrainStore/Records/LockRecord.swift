import Foundation
import GRDB
import NeuralBrainCore

/// The single row of the provider lock.
struct LockRecord: Codable, FetchableRecord, PersistableRecord, Hashable {
  static let databaseTableName = "provider_lock"
  var id: Int = 1
  var provider: String
  var acquiredAt: Date
  var consecutiveFailures: Int
  var lastFailureClass: String?
  var healthyStreaks: String
  var failedHealthChecks: Int
  /// JSON object: provider name → last seen healthy.
  var lastHealth: String
  /// Advances with every save (compare-and-swap).
  var version: Int

  enum CodingKeys: String, CodingKey {
    case id, provider, acquiredAt = "acquired_at", consecutiveFailures = "consecutive_failures"
    case lastFailureClass = "last_failure_class", healthyStreaks = "healthy_streaks"
    case failedHealthChecks = "failed_health_checks", lastHealth = "last_health", version
  }

  init(_ state: LockState, version: Int) throws {
    provider = state.provider
    acquiredAt = state.acquiredAt
    consecutiveFailures = state.consecutiveFailures
    lastFailureClass = state.lastFailureClass?.rawValue
    healthyStreaks = try NeuralBrainDatabase.json(state.healthyStreaks)
    failedHealthChecks = state.failedHealthChecks
    lastHealth = try NeuralBrainDatabase.json(state.lastHealth)
    self.version = version
  }

  func stored() throws -> StoredLock {
    StoredLock(
      state: LockState(
        provider: provider, acquiredAt: acquiredAt, consecutiveFailures: consecutiveFailures,
        lastFailureClass: lastFailureClass.flatMap(FailureClass.init(rawValue:)),
        healthyStreaks: try NeuralBrainDatabase.decode([String: Int].self, json: healthyStreaks),
        failedHealthChecks: failedHealthChecks,
        lastHealth: try NeuralBrainDatabase.decode([String: Bool].self, json: lastHealth)),
      version: version)
  }
}

/// One audit trail row; `details` is a JSON object of strings.
struct AuditRecord: Codable, FetchableRecord, PersistableRecord, Hashable {
  static let databaseTableName = "audit_event"
  var id: Int64?
  var time: Date
  var type: String
  var provider: String?
  var runID: String?
  var details: String

  enum CodingKeys: String, CodingKey {
    case id, time, type, provider, runID = "run_id", details
  }
}

/// One health probe result.
public struct HealthCheckRecord: Codable, FetchableRecord, PersistableRecord, Hashable, Sendable {
  public static let databaseTableName = "health_check"
  public var id: Int64?
  public var time: Date
  public var provider: String
  public var healthy: Bool
  public var failureClass: String?
  public var httpStatus: Int?
  public var latencyMs: Int?

  enum CodingKeys: String, CodingKey {
    case id, time, provider, healthy, failureClass = "failure_class", httpStatus = "http_status"
    case latencyMs = "latency_ms"
  }

  public init(
    time: Date, provider: String, healthy: Bool, failureClass: FailureClass?, httpStatus: Int?,
    latencyMs: Int?
  ) {
    self.time = time
    self.provider = provider
    self.healthy = healthy
    self.failureClass = failureClass?.rawValue
    self.httpStatus = httpStatus
    self.latencyMs = latencyMs
  }
}
