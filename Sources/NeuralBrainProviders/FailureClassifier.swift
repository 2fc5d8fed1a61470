import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// Maps a non-2xx vendor reply onto the failure taxonomy of docs/providers.md §2, deciding on status
/// and structured codes (never on message text when a code exists).
enum FailureClassifier {
  /// Classifies `reply`, attaching the retry hint and a message scrubbed of `secret`.
  static func classify(
    _ reply: WebResponse, provider: String, secret: String?, now: Date
  ) -> ProviderFailure {
    let error = VendorError(body: reply.body, headerMessage: reply.header("x-error-message"))
    let failureClass = failureClass(status: reply.status, error: error, header: reply.header)
    var retryAfter = error.retryDelay ?? RetryHint.seconds(inHeaders: reply.header, now: now)
    if failureClass == .unavailable, retryAfter == nil { retryAfter = error.estimatedTime }
    let fallback = HTTPStatusText.phrase(reply.status)
    return ProviderFailure(
      provider: provider,
      failureClass: failureClass,
      httpStatus: reply.status,
      vendorCode: vendorCode(error),
      message: Redaction.scrub(error.message.isEmpty ? fallback : error.message, secret: secret),
      retryAfter: retryAfter
    )
  }

  /// The vendor's most specific structured code: Google's `ErrorInfo.reason` (`API_KEY_INVALID`),
  /// then its quota id, then its `status` (`RESOURCE_EXHAUSTED`) rather than the echoed HTTP
  /// number in `error.code`; OpenAI-style and Cloudflare codes otherwise.
  static func vendorCode(_ error: VendorError) -> String? {
    if let google = error.reasons.first ?? error.quotaIDs.first ?? error.status { return google }
    return error.code
  }

  static func failureClass(status: Int, error: VendorError, header: (String) -> String?) -> FailureClass {
    let code = error.code?.lowercased() ?? ""
    let type = error.type?.lowercased() ?? ""
    let message = error.message.lowercased()
    let cloudflareCodes = Set(error.codes)

    // Auth: 401/403, Gemini's 400 API_KEY_INVALID, Cloudflare 10000 (and a wrong account id).
    if status == 401 || status == 403 || cloudflareCodes.contains("10000")
      || error.reasons.contains("API_KEY_INVALID")
      || (error.status == "INVALID_ARGUMENT" && message.hasPrefix("api key"))
      || type == "authentication_error" || (status == 404 && error.codes.contains { $0.hasPrefix("7") })
    {
      return .auth
    }
    // Quota: credits, billing, daily caps. Waiting seconds will not help.
    if status == 402 || isQuota(status: status, code: code, type: type, message: message, error: error, header: header)
    {
      return .quota
    }
    if status == 413 || cloudflareCodes.contains("3006") || code == "context_length_exceeded"
      || type == "exceed_context_size_error" || message.contains("maximum context length")
      || message.contains("input token count") || message.contains("exceeds the available context")
    {
      return .tooLarge
    }
    if status == 404 || code == "model_not_found" || code == "model_decommissioned"
      || cloudflareCodes.contains("5007") || cloudflareCodes.contains("3042")
    {
      return .modelNotFound
    }
    if cloudflareCodes.contains("3040") || status == 429 { return .rateLimited }
    if status >= 500 || status == 408 || status == 498 || status == 499
      || cloudflareCodes.contains("3007") || cloudflareCodes.contains("3008")
    {
      return .unavailable
    }
    if code == "json_validate_failed" || status == 422 { return .invalidOutput }
    return .badRequest
  }

  private static let quotaCodes: Set<String> = [
    "insufficient_quota", "credit_balance_exhausted", "organization_spend_limit_exceeded",
    "project_spend_limit_exceeded", "organization_usage_limit_exceeded",
  ]

  private static func isQuota(
    status: Int, code: String, type: String, message: String, error: VendorError, header: (String) -> String?
  ) -> Bool {
    if quotaCodes.contains(code) || type == "insufficient_quota" { return true }
    if error.codes.contains("3036") || error.codes.contains("4006") || message.contains("daily free allocation") {
      return true
    }
    if error.status == "FAILED_PRECONDITION" { return true }
    guard status == 429 else { return false }
    // Gemini: a per-day quota id, or a free-tier quota of 0.
    if error.quotaIDs.contains(where: { $0.contains("PerDay") }) || error.quotaValues.contains("0") { return true }
    // Groq: the day cap (RPD/TPD) says so, or requests are exhausted until hours from now.
    if message.contains("per day (rpd)") || message.contains("per day (tpd)") { return true }
    if header("x-ratelimit-remaining-requests") == "0",
      let reset = header("x-ratelimit-reset-requests").flatMap(RetryHint.seconds(inDuration:)), reset >= 3600
    {
      return true
    }
    return false
  }
}

/// Reason phrases for statuses, for bodies that carry no message at all.
enum HTTPStatusText {
  static func phrase(_ status: Int) -> String {
    let known: [Int: String] = [
      400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
      408: "Request Timeout", 413: "Payload Too Large", 422: "Unprocessable Entity", 429: "Too Many Requests",
      500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]
    return "HTTP \(status) " + (known[status] ?? "error")
  }
}
