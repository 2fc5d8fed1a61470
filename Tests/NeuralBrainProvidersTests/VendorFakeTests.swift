import Foundation
import NeuralBrainCore
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainProviders

/// One scripted vendor reply (docs/providers.md §6) and what the client must make of it.
struct VendorScenario: Sendable, CustomTestStringConvertible {
  var kind: ProviderKind
  var name: String
  var response: LoopbackHTTPServer.Response
  /// nil: the forecast succeeds.
  var expected: FailureClass?
  /// The API spoken, when not the kind's default.
  var api: WireAPI?
  /// The vendor code the failure must carry, when the case pins one.
  var code: String?

  var testDescription: String { "\(kind.rawValue)\(api.map { " (\($0.rawValue))" } ?? ""): \(name)" }

  init(
    _ kind: ProviderKind, _ name: String, _ response: LoopbackHTTPServer.Response, _ expected: FailureClass?,
    api: WireAPI? = nil, code: String? = nil
  ) {
    self.kind = kind
    self.name = name
    self.response = response
    self.expected = expected
    self.api = api
    self.code = code
  }
}

@Suite("Vendor clients against loopback fakes")
struct VendorFakeTests {
  static let valid = TestFixtures.forecastJSON()
  static let fenced = "```json\n" + valid + "\n```"
  /// What a text-generation server that ignores `return_full_text: false` sends: prompt, then answer.
  static let echoed = TestFixtures.promptText + valid

  static let scenarios: [VendorScenario] = [
    // OpenAI
    .init(.openai, "success", .json(200, TestFixtures.openAIChat(content: valid)), nil),
    .init(.openai, "code-fenced JSON", .json(200, TestFixtures.openAIChat(content: fenced)), nil),
    .init(.openai, "leading prose", .json(200, TestFixtures.openAIChat(content: "Sure! " + valid)), nil),
    .init(
      .openai, "truncated", .json(200, TestFixtures.openAIChat(content: #"{"forecasts":[{"da"#, finish: "length")),
      .truncated),
    .init(
      .openai, "refusal", .json(200, TestFixtures.openAIChat(content: nil, refusal: "I can't help with that.")),
      .blocked),
    .init(.openai, "not JSON", .json(200, TestFixtures.openAIChat(content: "The numbers will rise.")), .invalidOutput),
    .init(.openai, "empty content", .json(200, TestFixtures.openAIChat(content: "")), .invalidOutput),
    .init(
      .openai, "401 invalid_api_key",
      .json(
        401,
        #"{"error":{"message":"Incorrect API key provided: sk-abc***.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
      ), .auth),
    .init(
      .openai, "429 insufficient_quota",
      .json(
        429,
        #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#
      ), .quota),
    .init(
      .openai, "429 rate limit",
      .json(
        429, #"{"error":{"message":"Rate limit reached","type":"tokens","param":null,"code":"rate_limit_exceeded"}}"#,
        headers: [("retry-after", "2"), ("x-ratelimit-remaining-tokens", "0"), ("x-ratelimit-reset-tokens", "1.5s")]),
      .rateLimited),
    .init(
      .openai, "500 server_error",
      .json(
        500,
        #"{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}"#
      ), .unavailable),
    .init(
      .openai, "503 overloaded",
      .json(
        503,
        #"{"error":{"message":"overloaded","type":"service_unavailable_error","param":null,"code":"server_is_overloaded"}}"#
      ), .unavailable),
    .init(
      .openai, "404 model_not_found",
      .json(
        404,
        #"{"error":{"message":"The model `x` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}}"#
      ), .modelNotFound),
    .init(
      .openai, "400 context too long",
      .json(
        400,
        #"{"error":{"message":"This model's maximum context length is 10 tokens.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"#
      ), .tooLarge),
    // Gemini
    .init(.gemini, "success", .json(200, TestFixtures.gemini(text: valid)), nil),
    .init(
      .gemini, "MAX_TOKENS with no parts",
      .json(
        200,
        #"{"candidates":[{"content":{"role":"model"},"finishReason":"MAX_TOKENS","index":0}],"usageMetadata":{"thoughtsTokenCount":2999}}"#
      ), .truncated),
    .init(
      .gemini, "prompt blocked",
      .json(200, #"{"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[]},"usageMetadata":{}}"#), .blocked),
    .init(
      .gemini, "answer blocked",
      .json(
        200,
        #"{"candidates":[{"finishReason":"SAFETY","safetyRatings":[{"category":"HARM_CATEGORY_HARASSMENT","probability":"HIGH","blocked":true}]}]}"#
      ), .blocked),
    .init(
      .gemini, "empty text with STOP",
      .json(200, #"{"candidates":[{"content":{"role":"model"},"finishReason":"STOP"}]}"#), .invalidOutput),
    .init(
      .gemini, "400 API_KEY_INVALID",
      .json(
        400,
        #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}"#
      ), .auth),
    .init(
      .gemini, "403 no key",
      .json(
        403,
        #"{"error":{"code":403,"message":"Method doesn't allow unregistered callers","status":"PERMISSION_DENIED"}}"#),
      .auth),
    .init(
      .gemini, "429 per-day quota",
      .json(
        429,
        #"{"error":{"code":429,"message":"You exceeded your current quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaValue":"250"}]}]}}"#
      ), .quota),
    .init(
      .gemini, "429 per-minute",
      .json(
        429,
        #"{"error":{"code":429,"message":"You exceeded your current quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier","quotaValue":"15"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"33s"}]}}"#
      ), .rateLimited),
    .init(
      .gemini, "503 UNAVAILABLE",
      .json(
        503,
        #"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#),
      .unavailable),
    .init(
      .gemini, "404 NOT_FOUND",
      .json(
        404,
        #"{"error":{"code":404,"message":"models/gemini-x is not found for API version v1beta","status":"NOT_FOUND"}}"#),
      .modelNotFound),
    .init(
      .gemini, "400 input too long",
      .json(
        400,
        #"{"error":{"code":400,"message":"The input token count (1300000) exceeds the maximum number of tokens allowed (1048575).","status":"INVALID_ARGUMENT"}}"#
      ), .tooLarge),
    // Groq
    .init(.groq, "success", .json(200, TestFixtures.openAIChat(content: valid)), nil),
    .init(
      .groq, "401",
      .json(401, #"{"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}}"#),
      .auth),
    .init(
      .groq, "429 rate limit",
      .json(
        429,
        #"{"error":{"message":"Rate limit reached. Please try again in 3.7s.","type":"tokens","code":"rate_limit_exceeded"}}"#,
        headers: [("retry-after", "4"), ("x-ratelimit-reset-tokens", "3.7s")]), .rateLimited),
    .init(
      .groq, "429 day cap",
      .json(
        429,
        #"{"error":{"message":"Rate limit reached on requests per day (RPD)","type":"requests","code":"rate_limit_exceeded"}}"#,
        headers: [("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "7h12m")]), .quota),
    .init(
      .groq, "413 too large",
      .json(413, #"{"error":{"message":"Request too large for model","type":"tokens","code":"rate_limit_exceeded"}}"#),
      .tooLarge),
    .init(
      .groq, "502 HTML page",
      .text(
        502, "<html><head><title>api.groq.com | 502: Bad gateway</title></head><body>Bad gateway</body></html>",
        contentType: "text/html"), .unavailable),
    .init(
      .groq, "400 model_decommissioned",
      .json(
        400,
        #"{"error":{"message":"The model has been decommissioned","type":"invalid_request_error","code":"model_decommissioned"}}"#
      ), .modelNotFound),
    .init(
      .groq, "json_validate_failed with salvageable fenced output",
      .json(
        400,
        #"{"error":{"message":"Failed to generate JSON.","type":"invalid_request_error","code":"json_validate_failed","failed_generation":"#
          + TestFixtures.quoted(fenced) + "}}"), nil),
    .init(
      .groq, "json_validate_failed with junk",
      .json(
        400,
        #"{"error":{"message":"Failed to generate JSON.","type":"invalid_request_error","code":"json_validate_failed","failed_generation":"no"}}"#
      ), .invalidOutput),
    // Cloudflare
    .init(
      .cloudflare, "success, response as a string",
      .json(
        200,
        #"{"result":{"response":"# + TestFixtures.quoted(valid)
          + #","usage":{"completion_tokens":40}},"success":true,"errors":[],"messages":[]}"#), nil),
    .init(
      .cloudflare, "success, response as an object",
      .json(200, #"{"result":{"response":"# + valid + #"},"success":true,"errors":[],"messages":[]}"#), nil),
    .init(
      .cloudflare, "truncated at max_tokens",
      .json(
        200,
        #"{"result":{"response":"{\"forecasts\":[","usage":{"completion_tokens":2000}},"success":true,"errors":[],"messages":[]}"#
      ), .truncated),
    .init(
      .cloudflare, "401 code 10000",
      .json(
        401,
        #"{"result":null,"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[]}"#),
      .auth),
    .init(
      .cloudflare, "429 code 3036",
      .json(
        429,
        #"{"result":null,"success":false,"errors":[{"code":3036,"message":"You have used up your daily free allocation of 10,000 neurons."}],"messages":[]}"#
      ), .quota),
    .init(
      .cloudflare, "429 code 4006",
      .json(
        429,
        #"{"errors":[{"message":"4006: you have used up your daily free allocation of 10,000 neurons","code":4006}],"success":false}"#
      ), .quota),
    .init(
      .cloudflare, "429 code 3040",
      .json(
        429,
        #"{"result":null,"success":false,"errors":[{"code":3040,"message":"Capacity temporarily exceeded, please try again."}],"messages":[]}"#
      ), .rateLimited),
    .init(
      .cloudflare, "413 code 3006",
      .json(
        413, #"{"result":null,"success":false,"errors":[{"code":3006,"message":"Request is too large"}],"messages":[]}"#
      ), .tooLarge),
    .init(
      .cloudflare, "400 code 5007",
      .json(400, #"{"result":null,"success":false,"errors":[{"code":5007,"message":"No such model"}],"messages":[]}"#),
      .modelNotFound),
    .init(.cloudflare, "500", .text(500, "internal error"), .unavailable),
    // Hugging Face
    .init(
      .huggingface, "success with extra fields",
      .json(
        200,
        TestFixtures.openAIChat(content: valid).replacingOccurrences(
          of: #""usage":{"#, with: #""x_groq":{"id":"req_1"},"usage":{"queue_time":0.1,"#)), nil),
    .init(.huggingface, "401 text/plain", .text(401, "Invalid username or password."), .auth),
    .init(
      .huggingface, "402 credits exhausted",
      .json(
        402,
        #"{"error":"You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits."}"#
      ), .quota),
    .init(.huggingface, "429 without retry header", .json(429, #"{"error":"Too many requests"}"#), .rateLimited),
    .init(
      .huggingface, "503 model loading", .json(503, #"{"error":"Model x is currently loading","estimated_time":20.0}"#),
      .unavailable),
    // OpenAI-compatible local servers
    .init(.openaiCompatible, "Ollama success", .json(200, TestFixtures.openAIChat(content: fenced)), nil),
    .init(
      .openaiCompatible, "Ollama 404",
      .json(
        404, #"{"error":{"message":"model 'llama9' not found","type":"not_found_error","param":null,"code":null}}"#),
      .modelNotFound),
    .init(
      .openaiCompatible, "Ollama 503 busy",
      .json(
        503,
        #"{"error":{"message":"server busy, please try again.  maximum pending requests exceeded","type":"api_error","param":null,"code":null}}"#
      ), .unavailable),
    .init(.openaiCompatible, "vLLM 401", .json(401, #"{"error":"Unauthorized"}"#), .auth),
    .init(
      .openaiCompatible, "vLLM 404 NotFoundError",
      .json(
        404, #"{"error":{"message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}}"#),
      .modelNotFound),
    .init(
      .openaiCompatible, "llama.cpp 400 context",
      .json(
        400,
        #"{"error":{"code":400,"message":"request (9412 tokens) exceeds the available context size (8192 tokens), try increasing it","type":"exceed_context_size_error","n_prompt_tokens":9412,"n_ctx":8192}}"#
      ), .tooLarge),
    .init(
      .openaiCompatible, "llama.cpp 503 loading",
      .json(503, #"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#), .unavailable),
    // The rest of the docs/providers.md §6 matrix.
    .init(
      .openai, "429 organization_spend_limit_exceeded",
      .json(
        429,
        #"{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"organization_spend_limit_exceeded"}}"#
      ), .quota, code: "organization_spend_limit_exceeded"),
    .init(.openai, "success", .json(200, TestFixtures.responses(text: valid)), nil, api: .responses),
    .init(
      .openai, "reasoning item before the message",
      .json(200, TestFixtures.responses(text: valid, reasoningFirst: true)), nil, api: .responses),
    .init(
      .openai, "status incomplete (max_output_tokens)",
      .json(
        200,
        #"{"id":"resp_1","object":"response","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"output":[],"usage":{"input_tokens":10,"output_tokens":2000,"total_tokens":2010}}"#
      ), .truncated, api: .responses),
    .init(
      .openai, "refusal",
      .json(
        200,
        #"{"id":"resp_1","object":"response","status":"completed","output":[{"type":"message","role":"assistant","content":[{"type":"refusal","refusal":"I can't help with that."}]}]}"#
      ), .blocked, api: .responses),
    .init(
      .openai, "401",
      .json(
        401,
        #"{"error":{"message":"Incorrect API key provided: sk-abc***.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
      ), .auth, api: .responses),
    .init(
      .gemini, "429 per-day quota carries the quota id",
      .json(
        429,
        #"{"error":{"code":429,"message":"You exceeded your current quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaValue":"250"}]}]}}"#
      ), .quota, code: "GenerateRequestsPerDayPerProjectPerModel-FreeTier"),
    .init(
      .gemini, "503 carries its status, not the HTTP number",
      .json(
        503,
        #"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#),
      .unavailable, code: "UNAVAILABLE"),
    .init(
      .groq, "498 capacity_exceeded",
      .json(
        498,
        #"{"error":{"message":"Capacity exceeded for flex tier","type":"capacity_exceeded","code":"capacity_exceeded"}}"#
      ), .unavailable),
    .init(
      .groq, "404 model_not_found",
      .json(
        404,
        #"{"error":{"message":"The model `x` does not exist or you do not have access to it.","type":"invalid_request_error","code":"model_not_found"}}"#
      ), .modelNotFound),
    .init(
      .cloudflare, "403 code 10000",
      .json(
        403,
        #"{"result":null,"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[]}"#),
      .auth),
    .init(
      .cloudflare, "cut JSON below the token cap",
      .json(
        200, #"{"result":{"response":"{\"forecasts\":[{\"date\":\"2025"},"success":true,"errors":[],"messages":[]}"#),
      .truncated),
    .init(
      .cloudflare, "OpenAI-style result with finish_reason length",
      .json(
        200,
        #"{"result":{"choices":[{"index":0,"message":{"role":"assistant","content":"{\"forecasts\":["},"finish_reason":"length"}]},"success":true,"errors":[],"messages":[]}"#
      ), .truncated),
    .init(.cloudflare, "success", .json(200, TestFixtures.openAIChat(content: valid)), nil, api: .chatCompletions),
    .init(
      .cloudflare, "429 code 3036 in the v4 envelope",
      .json(
        429,
        #"{"errors":[{"message":"You have used up your daily free allocation of 10,000 neurons","code":3036}],"success":false}"#
      ), .quota, api: .chatCompletions),
    .init(.huggingface, "generated_text", .json(200, TestFixtures.textGeneration(valid)), nil, api: .textGeneration),
    .init(
      .huggingface, "generated_text echoing the prompt", .json(200, TestFixtures.textGeneration(echoed)), nil,
      api: .textGeneration),
    .init(
      .huggingface, "finish_reason length",
      .json(200, TestFixtures.textGeneration(#"{"forecasts":[{"#, finish: "length")), .truncated, api: .textGeneration),
    .init(
      .huggingface, "503 model loading",
      .json(503, #"{"error":"Model meta-llama/Llama-2-13b-chat is currently loading","estimated_time":20.0}"#),
      .unavailable, api: .textGeneration),
    .init(
      .huggingface, "410 Gone (old host)",
      .json(
        410,
        #"{"error":"https://api-inference.huggingface.co is no longer supported. Please use https://router.huggingface.co instead."}"#
      ), .badRequest, api: .textGeneration),
    .init(
      .openaiCompatible, "llama.cpp 401",
      .json(401, #"{"error":{"code":401,"message":"Invalid API Key","type":"authentication_error"}}"#), .auth),
    .init(
      .openaiCompatible, "vLLM 400 context",
      .json(
        400,
        #"{"error":{"message":"This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the messages, 1000 in the completion). Please reduce the length of the messages or completion.","type":"BadRequestError","param":null,"code":400}}"#
      ), .tooLarge),
    .init(
      .openaiCompatible, "vLLM flat error body",
      .json(
        400,
        #"{"object":"error","message":"This model's maximum context length is 4096 tokens.","type":"BadRequestError","param":null,"code":400}"#
      ), .tooLarge),
  ]

  @Test("each scripted reply is classified", arguments: scenarios)
  func scenario(_ scenario: VendorScenario) async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return scenario.response
    }
    let provider = try TestFixtures.provider(scenario.kind, server: server.baseURL, api: scenario.api)
    let result: Result<ProviderOutput, ProviderFailure>
    do throws(ProviderFailure) {
      result = .success(try await provider.forecast(TestFixtures.request))
    } catch {
      result = .failure(error)
    }
    try await server.shutdown()
    switch result {
    case .success(let output):
      #expect(scenario.expected == nil, "expected \(String(describing: scenario.expected)) but the forecast succeeded")
      let forecast = try #require(output.forecasts.first)
      #expect(output.provider == scenario.kind.rawValue)
      #expect(forecast.horizons.map(\.targetEndDate) == TestFixtures.horizonDates)
      #expect(forecast.horizons.allSatisfy { $0.quantiles.count == 23 && $0.median == 150 })
    case .failure(let error):
      #expect(error.failureClass == scenario.expected, "\(error)")
      if let code = scenario.code { #expect(error.vendorCode == code, "\(error)") }
      #expect(error.provider == scenario.kind.rawValue)
      for secret in TestFixtures.secrets { #expect(!error.description.contains(secret)) }
    }
    #expect(await log.requests.allSatisfy { $0.method == "POST" })
  }

  @Test("requests carry the vendor's auth, path and structured-output fields, never the key in the URL")
  func requestShapes() async throws {
    let expectations: [(ProviderKind, String, String, String)] = [
      (.openai, "/v1/chat/completions", "authorization", "max_completion_tokens"),
      (.gemini, "/v1beta/models/gemini-2.5-flash:generateContent", "x-goog-api-key", "responseSchema"),
      (.groq, "/openai/v1/chat/completions", "authorization", "json_object"),
      (
        .cloudflare, "/client/v4/accounts/acct123/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast", "authorization",
        "json_schema"
      ),
      (.huggingface, "/v1/chat/completions", "authorization", "max_tokens"),
      (.openaiCompatible, "/v1/chat/completions", "authorization", "max_tokens"),
    ]
    for (kind, path, authHeader, bodyField) in expectations {
      let log = RequestLog()
      let server = try await LoopbackHTTPServer.start { request in
        await log.append(request)
        return .json(404, #"{"error":{"message":"nope","code":"model_not_found"}}"#)
      }
      let provider = try TestFixtures.provider(kind, server: server.baseURL)
      _ = try? await provider.forecast(TestFixtures.request)
      try await server.shutdown()
      let request = try #require(await log.requests.first)
      #expect(request.path == path, "\(kind)")
      #expect(request.header(authHeader) != nil, "\(kind)")
      #expect(request.bodyText.contains(bodyField), "\(kind)")
      #expect(request.bodyText.contains("nb-prompt") == false)
      #expect(request.bodyText.contains(TestFixtures.horizonDates[3].iso), "\(kind)")
      for secret in TestFixtures.secrets { #expect(!request.uri.contains(secret)) }
    }
  }

  @Test("a server that never answers times out as unavailable once the provider's deadline passes")
  func timeout() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return nil
    }
    let deadlines = TestClock()
    let provider = try TestFixtures.provider(.openai, server: server.baseURL, timeout: 45, deadlines: deadlines)
    async let outcome = Result<ProviderOutput, any Error>.catching {
      try await provider.forecast(TestFixtures.request)
    }
    await log.wait(for: 1)
    #expect(await deadlines.advanceToNextDeadline() == .seconds(45))
    guard case .failure(let error) = await outcome, let failure = error as? ProviderFailure else {
      Issue.record("a provider nobody answers must fail")
      return
    }
    #expect(failure.failureClass == .unavailable)
    #expect(failure.message == "no answer within 45.0 s (timeout)")
    try await server.shutdown()
  }

  @Test("a refused connection is unavailable")
  func refused() async throws {
    let provider = try TestFixtures.provider(.groq, server: try await LoopbackHTTPServer.refusingBaseURL())
    await #expect {
      try await provider.forecast(TestFixtures.request)
    } throws: { error in
      (error as? ProviderFailure)?.failureClass == .unavailable
    }
  }
}
