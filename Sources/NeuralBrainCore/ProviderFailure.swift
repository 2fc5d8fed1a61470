import Foundation

/// Why a provider call failed: the taxonomy of providers.md §0.
///
/// The failover policy acts on the class, never on message text.
public enum FailureClass: String, Codable, Sendable, CaseIterable {
  case auth
  case quota
  case rateLimited = "rate_limited"
  case unavailable
  case modelNotFound = "model_not_found"
  case tooLarge = "too_large"
  case badRequest = "bad_request"
  case blocked
  case truncated
  case invalidOutput = "invalid_output"
}

/// A classified provider failure, safe to log and audit (it never carries a key).
public struct ProviderFailure: Error, Hashable, Codable, Sendable, CustomStringConvertible {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case provider
    case failureClass = "failure_class"
    case httpStatus = "http_status"
    case vendorCode = "vendor_code"
    case message
    case retryAfter = "retry_after"
  }
  public var provider: String
  public var failureClass: FailureClass
  public var httpStatus: Int?
  /// The vendor's structured code or status (`invalid_api_key`, `RESOURCE_EXHAUSTED`, `3036`).
  public var vendorCode: String?
  /// At most 300 characters of the vendor's message.
  public var message: String
  /// Seconds the vendor asked us to wait, when it said.
  public var retryAfter: Double?

  public init(
    provider: String, failureClass: FailureClass, httpStatus: Int? = nil, vendorCode: String? = nil,
    message: String, retryAfter: Double? = nil
  ) {
    self.provider = provider
    self.failureClass = failureClass
    self.httpStatus = httpStatus
    self.vendorCode = vendorCode
    self.message = String(message.prefix(300))
    self.retryAfter = retryAfter
  }

  public var description: String {
    var parts = ["\(provider): \(failureClass.rawValue)"]
    if let httpStatus { parts.append("HTTP \(httpStatus)") }
    if let vendorCode { parts.append("code \(vendorCode)") }
    return parts.joined(separator: ", ") + ": " + message
  }
}

/// The persistent provider lock: exactly one provider at a time (product.md §2).
public struct LockState: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case provider
    case acquiredAt = "acquired_at"
    case consecutiveFailures = "consecutive_failures"
    case lastFailureClass = "last_failure_class"
    case healthyStreaks = "healthy_streaks"
  }
  /// The locked provider's name.
  public var provider: String
  public var acquiredAt: Date
  /// Consecutive counted failures of the locked provider, by class.
  public var consecutiveFailures: Int
  public var lastFailureClass: FailureClass?
  /// Consecutive healthy checks per higher-priority provider, for promotion.
  public var healthyStreaks: [String: Int]

  public init(
    provider: String, acquiredAt: Date, consecutiveFailures: Int = 0,
    lastFailureClass: FailureClass? = nil, healthyStreaks: [String: Int] = [:]
  ) {
    self.provider = provider
    self.acquiredAt = acquiredAt
    self.consecutiveFailures = consecutiveFailures
    self.lastFailureClass = lastFailureClass
    self.healthyStreaks = healthyStreaks
  }
}

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
