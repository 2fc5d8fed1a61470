import Foundation

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
