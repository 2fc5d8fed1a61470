import Foundation
import NeuralBrainCore

/// What one error body said, whatever its shape: OpenAI `{"error":{…}}` (string or int `code`),
/// Google `google.rpc.Status` (possibly wrapped in an array), Cloudflare `{"errors":[…]}`,
/// HF `{"error":"…"}` / `{"detail":…}` / `{"message":…}`, vLLM's flat body, HTML and plain text.
///
/// Decoding never fails: an unreadable body becomes its first 300 characters of text.
struct VendorError: Sendable, Hashable {
  /// `error.code` (OpenAI-style, string or int) or the first Cloudflare `errors[].code`.
  var code: String?
  /// `error.type` (OpenAI-style).
  var type: String?
  /// `error.status` (Google: `RESOURCE_EXHAUSTED`, `INVALID_ARGUMENT`…).
  var status: String?
  var message: String
  /// Every Cloudflare `errors[].code`.
  var codes: [String] = []
  /// Google `ErrorInfo.reason` values (`API_KEY_INVALID`).
  var reasons: [String] = []
  /// Google `QuotaFailure.violations[].quotaId` values.
  var quotaIDs: [String] = []
  /// Google `QuotaFailure.violations[].quotaValue` values.
  var quotaValues: [String] = []
  /// Google `RetryInfo.retryDelay` in seconds.
  var retryDelay: Double?
  /// HF legacy `estimated_time` (seconds until a cold model is loaded).
  var estimatedTime: Double?
  /// Groq's `failed_generation`: the raw text a JSON-mode request produced.
  var failedGeneration: String?

  init(message: String) {
    self.message = message
  }

  /// Decodes `body`; `headerMessage` is HF's `X-Error-Message` header, used when the body says nothing.
  init(body: [UInt8], headerMessage: String? = nil) {
    self.init(message: "")
    if let json = JSONValue(parsing: body) {
      read(json)
    } else {
      message = Self.plainText(body)
    }
    if message.isEmpty { message = headerMessage ?? "" }
  }

  private mutating func read(_ json: JSONValue) {
    if case .array(let items) = json, let first = items.first {
      read(first)
      return
    }
    switch json["error"] {
    case .object(let error)?:
      readErrorObject(.object(error))
    case .string(let text)?:
      message = text
    case .array(let items)?:
      message = items.compactMap(\.string).joined(separator: "; ")
    default:
      break
    }
    if let errors = json["errors"]?.array {
      codes = errors.compactMap { $0["code"]?.codeText }
      code = code ?? codes.first
      if message.isEmpty { message = errors.compactMap { $0["message"]?.string }.joined(separator: "; ") }
    }
    if message.isEmpty, json["error"] == nil, json["message"] != nil || json["object"]?.string == "error" {
      readErrorObject(json)
    }
    if message.isEmpty, let detail = json["detail"] {
      message = detail.string ?? detail.text
    }
    if let estimated = json["estimated_time"]?.number { estimatedTime = estimated }
  }

  private mutating func readErrorObject(_ error: JSONValue) {
    message = error["message"]?.string ?? ""
    code = error["code"]?.codeText
    type = error["type"]?.string
    status = error["status"]?.string
    failedGeneration = error["failed_generation"]?.string
    for detail in error["details"]?.array ?? [] {
      if let reason = detail["reason"]?.string { reasons.append(reason) }
      for violation in detail["violations"]?.array ?? [] {
        if let quotaID = violation["quotaId"]?.string { quotaIDs.append(quotaID) }
        if let value = violation["quotaValue"]?.codeText { quotaValues.append(value) }
      }
      if let delay = detail["retryDelay"]?.string { retryDelay = RetryHint.seconds(inDuration: delay) }
    }
  }

  /// The first 300 characters of a non-JSON body: an HTML page's `<title>` when it has one,
  /// otherwise the text with tags removed and whitespace collapsed.
  static func plainText(_ body: [UInt8]) -> String {
    let raw = String(decoding: body.prefix(16_384), as: UTF8.self)
    if let open = raw.range(of: "<title>", options: .caseInsensitive),
      let close = raw.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<raw.endIndex)
    {
      return collapse(String(raw[open.upperBound..<close.lowerBound]))
    }
    let stripped = raw.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    return collapse(stripped)
  }

  private static func collapse(_ text: String) -> String {
    String(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(300))
  }
}
