import NeuralBrainCore
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainProviders

@Suite("Health probes")
struct HealthProbeTests {
  /// Serves `routes` by path; anything else is a 404.
  static func serve(_ routes: [String: LoopbackHTTPServer.Response], log: RequestLog) async throws -> LoopbackHTTPServer
  {
    try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return routes[request.path] ?? .json(404, #"{"error":{"message":"no route","code":"not_found"}}"#)
    }
  }

  static let modelList =
    #"{"object":"list","data":[{"id":"gpt-4.1-mini","object":"model","created":1,"owned_by":"system"},{"id":"llama3.2:latest","object":"model","created":1,"owned_by":"library"},{"id":"openai/gpt-oss-20b","object":"model","created":1,"owned_by":"OpenAI"},{"id":"openai/gpt-oss-120b","object":"model","created":1,"owned_by":"x"}]}"#

  struct Case: Sendable, CustomTestStringConvertible {
    var kind: ProviderKind
    var name: String
    var routes: [String: LoopbackHTTPServer.Response]
    var failure: FailureClass?
    var api: WireAPI?
    var testDescription: String { "\(kind.rawValue): \(name)" }
  }

  static let cases: [Case] = [
    Case(kind: .openai, name: "model list", routes: ["/v1/models": .json(200, modelList)], failure: nil),
    Case(
      kind: .openai, name: "bad key",
      routes: [
        "/v1/models": .json(
          401,
          #"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        )
      ],
      failure: .auth),
    Case(kind: .groq, name: "model list", routes: ["/openai/v1/models": .json(200, modelList)], failure: nil),
    Case(
      kind: .gemini, name: "model get",
      routes: [
        "/v1beta/models/gemini-2.5-flash": .json(
          200, #"{"name":"models/gemini-2.5-flash","supportedGenerationMethods":["generateContent"]}"#)
      ],
      failure: nil),
    Case(
      kind: .gemini, name: "API_KEY_INVALID",
      routes: [
        "/v1beta/models/gemini-2.5-flash": .json(
          400,
          #"{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}}"#
        )
      ],
      failure: .auth),
    Case(
      kind: .cloudflare, name: "active token",
      routes: [
        "/client/v4/user/tokens/verify": .json(
          200,
          #"{"result":{"id":"t","status":"active"},"success":true,"errors":[],"messages":[{"code":10000,"message":"This API Token is valid and active","type":null}]}"#
        ),
        "/client/v4/accounts/acct123/ai/models/search": .json(
          200,
          #"{"result":[{"name":"@cf/meta/llama-3.3-70b-instruct-fp8-fast"}],"success":true,"errors":[],"messages":[]}"#),
      ], failure: nil),
    Case(
      kind: .cloudflare, name: "disabled token",
      routes: [
        "/client/v4/user/tokens/verify": .json(
          200, #"{"result":{"id":"t","status":"disabled"},"success":true,"errors":[],"messages":[]}"#)
      ],
      failure: .auth),
    Case(
      kind: .huggingface, name: "list and whoami",
      routes: ["/v1/models": .json(200, modelList), "/api/whoami-v2": .json(200, #"{"type":"user","name":"me"}"#)],
      failure: nil),
    Case(
      kind: .huggingface, name: "bad token",
      routes: [
        "/v1/models": .json(200, modelList),
        "/api/whoami-v2": .json(401, #"{"error":"Invalid credentials in Authorization header"}"#),
      ],
      failure: .auth),
    Case(
      kind: .openaiCompatible, name: "Ollama has the model", routes: ["/v1/models": .json(200, modelList)], failure: nil
    ),
    Case(
      kind: .openaiCompatible, name: "Ollama lacks the model",
      routes: ["/v1/models": .json(200, #"{"object":"list","data":[{"id":"qwen3:8b","object":"model"}]}"#)],
      failure: .modelNotFound),
    Case(
      kind: .gemini, name: "array-wrapped error (OpenAI-compatible surface)",
      routes: [
        "/v1beta/models/gemini-2.5-flash": .json(
          400,
          #"[{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}]"#
        )
      ],
      failure: .auth),
    Case(
      kind: .huggingface, name: "text generation: whoami on base_url's host",
      routes: ["/api/whoami-v2": .json(200, #"{"type":"user","name":"me"}"#)], failure: nil, api: .textGeneration),
    Case(
      kind: .cloudflare, name: "wrong account id (404, 7xxx)",
      routes: [
        "/client/v4/user/tokens/verify": .json(
          200, #"{"result":{"id":"t","status":"active"},"success":true,"errors":[],"messages":[]}"#),
        "/client/v4/accounts/acct123/ai/models/search": .json(
          404,
          #"{"result":null,"success":false,"errors":[{"code":7003,"message":"Could not route to /accounts/acct123/ai/models/search, perhaps your object identifier is invalid?"}],"messages":[]}"#
        ),
      ], failure: .auth),
  ]

  @Test("probes use cheap GET endpoints and report health", arguments: cases)
  func probe(_ testCase: Case) async throws {
    let log = RequestLog()
    let server = try await Self.serve(testCase.routes, log: log)
    let provider = try TestFixtures.provider(testCase.kind, server: server.baseURL, api: testCase.api)
    let status = await provider.checkHealth()
    try await server.shutdown()
    #expect(status.provider == testCase.kind.rawValue)
    #expect(status.healthy == (testCase.failure == nil), "\(String(describing: status.failure))")
    #expect(status.failure?.failureClass == testCase.failure)
    #expect(status.latencyMilliseconds != nil)
    let requests = await log.requests
    #expect(!requests.isEmpty)
    #expect(requests.allSatisfy { $0.method == "GET" })
    if testCase.kind == .huggingface {
      #expect(requests.first { $0.path == "/v1/models" }?.header("authorization") == nil)
    }
  }

  @Test(
    "the Hugging Face token check follows base_url's host",
    arguments: [
      ("https://router.huggingface.co/v1", nil, "https://huggingface.co/api/whoami-v2"),
      ("https://router.huggingface.co/hf-inference", nil, "https://huggingface.co/api/whoami-v2"),
      ("http://127.0.0.1:8080/v1", nil, "http://127.0.0.1:8080/api/whoami-v2"),
      ("https://hf-proxy.example.org/router/v1", nil, "https://hf-proxy.example.org/api/whoami-v2"),
      ("http://127.0.0.1:8080/v1", "https://id.example.org/whoami", "https://id.example.org/whoami"),
    ] as [(String, String?, String)])
  func tokenCheckURL(baseURL: String, explicit: String?, expected: String) {
    var settings = ProviderSettings.builtIn("huggingface")!
    settings.baseURL = baseURL
    settings.whoamiURL = explicit
    #expect(settings.tokenCheckURL == expected)
  }

  @Test("an unreachable provider is unhealthy and unavailable")
  func unreachable() async throws {
    let provider = try TestFixtures.provider(.openai, server: try await LoopbackHTTPServer.refusingBaseURL())
    let status = await provider.checkHealth()
    #expect(!status.healthy)
    #expect(status.failure?.failureClass == .unavailable)
  }

  @Test("local is always healthy")
  func local() async {
    let status = await LocalProvider().checkHealth()
    #expect(status.healthy)
    #expect(status.provider == "local")
  }
}
