import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import Testing

@testable import NeuralBrainProviders

/// One error reply and the class it must map to.
struct ClassificationCase: Sendable, CustomTestStringConvertible {
  var name: String
  var status: Int
  var body: String
  var headers: [(String, String)] = []
  var expected: FailureClass
  var code: String?
  var retryAfter: Double?

  var testDescription: String { name }
}

@Suite("Failure classification")
struct FailureClassificationTests {
  static let cases: [ClassificationCase] = [
    .init(
      name: "OpenAI 401 invalid_api_key", status: 401,
      body:
        #"{"error":{"message":"Incorrect API key provided: sk-abc***def.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#,
      expected: .auth, code: "invalid_api_key"),
    .init(
      name: "OpenAI 429 insufficient_quota", status: 429,
      body:
        #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#,
      expected: .quota, code: "insufficient_quota"),
    .init(
      name: "OpenAI 429 spend limit", status: 429,
      body: #"{"error":{"message":"limit","type":"requests","param":null,"code":"project_spend_limit_exceeded"}}"#,
      expected: .quota),
    .init(
      name: "OpenAI 429 rate limit with retry-after", status: 429,
      body: #"{"error":{"message":"Rate limit reached","type":"tokens","param":null,"code":"rate_limit_exceeded"}}"#,
      headers: [("retry-after", "2"), ("x-ratelimit-reset-tokens", "9ms")], expected: .rateLimited, retryAfter: 2),
    .init(
      name: "OpenAI 503 overloaded", status: 503,
      body:
        #"{"error":{"message":"overloaded","type":"service_unavailable_error","param":null,"code":"server_is_overloaded"}}"#,
      expected: .unavailable),
    .init(
      name: "OpenAI 404 model_not_found", status: 404,
      body:
        #"{"error":{"message":"The model `x` does not exist","type":"invalid_request_error","param":null,"code":"model_not_found"}}"#,
      expected: .modelNotFound),
    .init(
      name: "OpenAI 400 context_length_exceeded", status: 400,
      body:
        #"{"error":{"message":"This model's maximum context length is 8 tokens.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"#,
      expected: .tooLarge),
    .init(
      name: "OpenAI 400 unsupported_parameter", status: 400,
      body:
        #"{"error":{"message":"Unsupported parameter: 'max_tokens'","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}"#,
      expected: .badRequest),
    .init(
      name: "Gemini 400 API_KEY_INVALID", status: 400,
      body:
        #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}"#,
      expected: .auth, code: "API_KEY_INVALID"),
    .init(
      name: "Gemini array-wrapped 400 (OpenAI-compatible surface)", status: 400,
      body:
        #"[{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}]"#,
      expected: .auth),
    .init(
      name: "Gemini 429 per-day quota", status: 429,
      body:
        #"{"error":{"code":429,"message":"You exceeded your current quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaValue":"250"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"13h2m"}]}}"#,
      expected: .quota),
    .init(
      name: "Gemini 429 per-minute rate limit", status: 429,
      body:
        #"{"error":{"code":429,"message":"You exceeded your current quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier","quotaValue":"15"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"33s"}]}}"#,
      expected: .rateLimited, retryAfter: 33),
    .init(
      name: "Gemini 429 without details", status: 429,
      body: #"{"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}}"#,
      expected: .rateLimited),
    .init(
      name: "Gemini 400 FAILED_PRECONDITION", status: 400,
      body:
        #"{"error":{"code":400,"message":"User location is not supported for the API use.","status":"FAILED_PRECONDITION"}}"#,
      expected: .quota),
    .init(
      name: "Groq 429 day cap", status: 429,
      body:
        #"{"error":{"message":"Rate limit reached on requests per day (RPD): Limit 1000, Used 1000","type":"requests","code":"rate_limit_exceeded"}}"#,
      headers: [("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "2h3m")], expected: .quota),
    .init(
      name: "Groq 413 request too large", status: 413,
      body: #"{"error":{"message":"Request too large for model","type":"tokens","code":"rate_limit_exceeded"}}"#,
      expected: .tooLarge),
    .init(
      name: "Groq 498 flex capacity", status: 498,
      body: #"{"error":{"message":"capacity exceeded","type":"invalid_request_error","code":"capacity_exceeded"}}"#,
      expected: .unavailable),
    .init(
      name: "Groq 502 Cloudflare HTML page", status: 502,
      body: "<!DOCTYPE html><html><head><title>api.groq.com | 502: Bad gateway</title></head><body>x</body></html>",
      expected: .unavailable),
    .init(
      name: "Cloudflare 401 code 10000", status: 401,
      body:
        #"{"result":null,"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[]}"#,
      expected: .auth, code: "10000"),
    .init(
      name: "Cloudflare 429 code 3036", status: 429,
      body:
        #"{"result":null,"success":false,"errors":[{"code":3036,"message":"You have used up your daily free allocation of 10,000 neurons."}],"messages":[]}"#,
      expected: .quota, code: "3036"),
    .init(
      name: "Cloudflare 429 code 3040", status: 429,
      body:
        #"{"result":null,"success":false,"errors":[{"code":3040,"message":"Capacity temporarily exceeded, please try again."}],"messages":[]}"#,
      expected: .rateLimited),
    .init(
      name: "Cloudflare 400 code 5007", status: 400,
      body:
        #"{"result":null,"success":false,"errors":[{"code":5007,"message":"No such model @cf/x or task"}],"messages":[]}"#,
      expected: .modelNotFound),
    .init(
      name: "Cloudflare 408 code 3007", status: 408,
      body: #"{"result":null,"success":false,"errors":[{"code":3007,"message":"Timeout"}],"messages":[]}"#,
      expected: .unavailable),
    .init(
      name: "HF 401 text/plain", status: 401, body: "Invalid username or password.", expected: .auth),
    .init(
      name: "HF 402 credits exhausted", status: 402,
      body: #"{"error":"You have exceeded your monthly included credits for Inference Providers."}"#,
      expected: .quota),
    .init(
      name: "HF legacy 503 loading", status: 503,
      body: #"{"error":"Model x is currently loading","estimated_time":20.0}"#, expected: .unavailable,
      retryAfter: 20),
    .init(name: "vLLM 401", status: 401, body: #"{"error":"Unauthorized"}"#, expected: .auth),
    .init(
      name: "vLLM flat 404", status: 404,
      body:
        #"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}"#,
      expected: .modelNotFound, code: "404"),
    .init(
      name: "llama.cpp 400 exceed_context_size_error", status: 400,
      body:
        #"{"error":{"code":400,"message":"request (9412 tokens) exceeds the available context size (8192 tokens), try increasing it","type":"exceed_context_size_error"}}"#,
      expected: .tooLarge),
    .init(
      name: "Groq 400 json_validate_failed", status: 400,
      body:
        #"{"error":{"message":"Failed to generate JSON.","type":"invalid_request_error","code":"json_validate_failed","failed_generation":"oops"}}"#,
      expected: .invalidOutput),
  ]

  @Test("error replies map to the failure taxonomy", arguments: cases)
  func classify(_ testCase: ClassificationCase) {
    let reply = WebResponse(status: testCase.status, headers: testCase.headers, body: Array(testCase.body.utf8))
    let failure = FailureClassifier.classify(reply, provider: "p", secret: nil, now: Date())
    #expect(failure.failureClass == testCase.expected)
    #expect(failure.httpStatus == testCase.status)
    #expect(!failure.message.isEmpty)
    if let code = testCase.code { #expect(failure.vendorCode == code) }
    if let retryAfter = testCase.retryAfter { #expect(failure.retryAfter == retryAfter) }
  }

  @Test("an HTML error page is reduced to its title")
  func htmlTitle() {
    let error = VendorError(body: Array("<html><head><title>502: Bad gateway</title></head></html>".utf8))
    #expect(error.message == "502: Bad gateway")
  }

  @Test("messages never carry the key or anything shaped like one")
  func redaction() {
    let body =
      #"{"error":{"message":"Incorrect API key provided: sk-live-1234567890. Also my-key-XYZ9 leaked","code":"invalid_api_key"}}"#
    let reply = WebResponse(status: 401, headers: [], body: Array(body.utf8))
    let failure = FailureClassifier.classify(reply, provider: "p", secret: "my-key-XYZ9", now: Date())
    #expect(!failure.message.contains("sk-live"))
    #expect(!failure.message.contains("my-key-XYZ9"))
    #expect(failure.message.contains("[redacted]"))
  }

  @Test(
    "masked key fragments a vendor echoes are scrubbed too",
    arguments: [
      "Invalid token SECRET***ken for this account",
      "Invalid token SECRETTOKEN1 for this account",
      "token ends with ...OKEN12345 (masked)",
      "Incorrect API key provided: ***2345",
    ])
  func maskedFragments(message: String) {
    let body = #"{"errors":[{"code":10000,"message":"# + JSONValue.string(message).text + "}]}"
    let reply = WebResponse(status: 401, headers: [], body: Array(body.utf8))
    let failure = FailureClassifier.classify(reply, provider: "cloudflare", secret: "SECRETTOKEN12345", now: Date())
    #expect(!failure.message.contains("SECRET"), "\(failure.message)")
    #expect(!failure.message.contains("2345"), "\(failure.message)")
    #expect(!failure.message.contains("***"), "\(failure.message)")
    #expect(failure.message.contains("[redacted]"))
  }

  @Test("an empty body still yields a message from the status")
  func emptyBody() {
    let failure = FailureClassifier.classify(
      WebResponse(status: 500, headers: [], body: []), provider: "p", secret: nil, now: Date())
    #expect(failure.failureClass == .unavailable)
    #expect(failure.message == "HTTP 500 Internal Server Error")
  }
}
