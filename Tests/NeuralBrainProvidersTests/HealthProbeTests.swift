import NeuralBrainCore
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainProviders

@Suite("Health probes")
struct HealthProbeTests {
  /// Serves `routes` by path; anything else is a 404.
  static func serve(_ routes: [String: LoopbackHTTPServer.Response], log: RequestLog) async throws -> LoopbackHTTPServer {
    try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return routes[request.path] ?? .json(404, #"{"error":{"message":"no route","code":"not_found"}}"#)
    }
  }

  static let modelList = #"{"object":"list","data":[{"id":"gpt-4.1-mini","object":"model","created":1,"owned_by":"system"},{"id":"llama3.2:latest","object":"model","created":1,"owned_by":"library"},{"id":"openai/gpt-oss-20b","object":"model","created":1,"owned_by":"OpenAI"},{"id":"openai/gpt-oss-120b","object":"model","created":1,"owned_by":"x"}]}"#

  struct Case: Sendable, CustomTestStringConvertible {
    var kind: ProviderKind
    var name: String
    var routes: [String: LoopbackHTTPServer.Response]
    var failure: FailureClass?
    var testDescription: String { "\(kind.rawValue): \(name)" }
  }

  static let cases: [Case] = [
    Case(kind: .openai, name: "model list", routes: ["/v1/models": .json(200, modelList)], failure: nil),
    Case(
      kind: .openai, name: "bad key",
      routes: ["/v1/models": .json(401, #"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#)],
      failure: .auth),
    Case(kind: .groq, name: "model list", routes: ["/openai/v1/models": .json(200, modelList)], failure: nil),
    Case(
      kind: .gemini, name: "model get",
      routes: ["/v1beta/models/gemini-2.5-flash": .json(200, #"{"name":"models/gemini-2.5-flash","supportedGenerationMethods":["generateContent"]}"#)],
      failure: nil),
    Case(
      kind: .gemini, name: "API_KEY_INVALID",
      routes: ["/v1beta/models/gemini-2.5-flash": .json(400, #"{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}}"#)],
      failure: .auth),
    Case(
      kind: .cloudflare, name: "active token",
      routes: [
        "/client/v4/user/tokens/verify": .json(200, #"{"result":{"id":"t","status":"active"},"success":true,"errors":[],"messages":[{"code":10000,"message":"This API Token is valid and active","type":null}]}"#),
        "/client/v4/accounts/acct123/ai/models/search": .json(200, #"{"result":[{"name":"@cf/meta/llama-3.3-70b-instruct-fp8-fast"}],"success":true,"errors":[],"messages":[]}"#),
      ], failure: nil),
    Case(
      kind: .cloudflare, name: "disabled token",
      routes: ["/client/v4/user/tokens/verify": .json(200, #"{"result":{"id":"t","status":"disabled"},"success":true,"errors":[],"messages":[]}"#)],
      failure: .auth),
    Case(
      kind: .huggingface, name: "list and whoami",
      routes: ["/v1/models": .json(200, modelList), "/api/whoami-v2": .json(200, #"{"type":"user","name":"me"}"#)],
      failure: nil),
    Case(
      kind: .huggingface, name: "bad token",
      routes: ["/v1/models": .json(200, modelList), "/api/whoami-v2": .json(401, #"{"error":"Invalid credentials in Authorization header"}"#)],
      failure: .auth),
    Case(kind: .openaiCompatible, name: "Ollama has the model", routes: ["/v1/models": .json(200, modelList)], failure: nil),
    Case(
      kind: .openaiCompatible, name: "Ollama lacks the model",
      routes: ["/v1/models": .json(200, #"{"object":"list","data":[{"id":"qwen3:8b","object":"model"}]}"#)],
      failure: .modelNotFound),
  ]

  @Test("probes use cheap GET endpoints and report health", arguments: cases)
  func probe(_ testCase: Case) async throws {
    let log = RequestLog()
    let server = try await Self.serve(testCase.routes, log: log)
    let provider = try TestFixtures.provider(testCase.kind, server: server.baseURL)
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
