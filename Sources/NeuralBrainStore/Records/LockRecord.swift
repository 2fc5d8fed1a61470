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

  enum CodingKeys: String, CodingKey {
    case id, provider, acquiredAt = "acquired_at", consecutiveFailures = "consecutive_failures"
    case lastFailureClass = "last_failure_class", healthyStreaks = "healthy_streaks"
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
