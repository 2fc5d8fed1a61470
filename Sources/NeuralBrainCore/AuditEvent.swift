import Foundation

/// Kinds of audit events.
public enum AuditEventType: String, Codable, Sendable, CaseIterable {
  case lockAcquired = "lock_acquired"
  case lockReleased = "lock_released"
  case failureRecorded = "failure_recorded"
  case failover
  case healthCheck = "health_check"
  case promotion
  case providerSkipped = "provider_skipped"
  case runStarted = "run_started"
  case runFinished = "run_finished"
  /// A run tried to change a lock that someone else (a manual `lock acquire`) changed meanwhile;
  /// the other change stands.
  case lockChangeRefused = "lock_change_refused"
}

/// One entry of the persistent audit trail. `details` never holds a secret.
public struct AuditEvent: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case time
    case type
    case provider
    case runID = "run_id"
    case details
  }
  public var time: Date
  public var type: AuditEventType
  public var provider: String?
  public var runID: String?
  public var details: [String: String]

  public init(
    time: Date, type: AuditEventType, provider: String? = nil, runID: String? = nil,
    details: [String: String] = [:]
  ) {
    self.time = time
    self.type = type
    self.provider = provider
    self.runID = runID
    self.details = details
  }
}
