import Foundation

/// Why a provider call failed: the taxonomy of docs/providers.md §1.
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
