import AsyncHTTPClient
import Foundation
import NeuralBrainCore
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainProviders

@Suite("Provider chain")
struct ProviderChainTests {
  /// One fake serving three vendors by path prefix.
  static func vendors(log: RequestLog) async throws -> LoopbackHTTPServer {
    try await LoopbackHTTPServer.start { request in
      await log.append(request)
      if request.path.hasPrefix("/v1beta/") {
        return .json(429, #"{"error":{"code":429,"message":"You exceeded your current quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaValue":"250"}]}]}}"#)
      }
      if request.path.hasPrefix("/openai/v1/") {
        return .json(200, TestFixtures.openAIChat(content: TestFixtures.forecastJSON()))
      }
      return .json(401, #"{"error":{"message":"Incorrect API key provided: sk-abc***.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#)
    }
  }

  static func chain(order: [String], server: String, store: InMemoryLockStore, environment: [String: String] = TestFixtures.environment) -> ProviderChain {
    var settings: [String: ProviderSettings] = ["local": ProviderSettings(kind: .local, baseURL: "", model: "local")]
    for kind in [ProviderKind.openai, .gemini, .groq] { settings[kind.rawValue] = TestFixtures.settings(kind, server: server) }
    let configuration = ProvidersConfiguration(order: order, settings: settings)
    let slots = ProviderFactory.make(
      configuration: configuration, environment: environment, httpClient: TestFixtures.httpClient, retry: TestFixtures.instantRetry)
    return ProviderChain(
      slots: slots, policy: FailoverPolicy(configuration: configuration), store: store, retry: TestFixtures.instantRetry)
  }

  @Test("openai 401, gemini quota three times, groq succeeds: groq's output, both failovers audited")
  func failsOverTwice() async throws {
    let log = RequestLog()
    let server = try await Self.vendors(log: log)
    let store = InMemoryLockStore()
    let result = try await Self.chain(order: ["openai", "gemini", "groq", "local"], server: server.baseURL, store: store)
      .run(TestFixtures.request)
    try await server.shutdown()

    #expect(result.output.provider == "groq")
    #expect(result.fallbackUsed)
    let requests = await log.requests
    #expect(requests.filter { $0.path.hasPrefix("/v1/") }.count == 1)
    #expect(requests.filter { $0.path.hasPrefix("/v1beta/") }.count == 3)
    let audit = await store.audit
    #expect(audit == result.events)
    let failovers = audit.filter { $0.type == .failover }
    #expect(failovers.map { $0.details["from"] ?? "" } == ["openai", "gemini"])
    #expect(failovers.map { $0.details["to"] ?? "" } == ["gemini", "groq"])
    #expect(audit.filter { $0.type == .failureRecorded }.map { $0.details["class"] ?? "" } == ["auth", "quota", "quota", "quota"])
    #expect(audit.first?.type == .lockAcquired || audit.first?.type == .failureRecorded)
    #expect(audit.allSatisfy { $0.runID == "run-1" })
    for event in audit {
      for secret in TestFixtures.secrets { #expect(!event.details.values.contains { $0.contains(secret) }) }
    }
    let lock = try #require(await store.lock)
    #expect(lock.provider == "groq")
    #expect(lock.consecutiveFailures == 0)
  }

  @Test("with no keys at all every hosted provider is skipped and local forecasts")
  func noKeys() async throws {
    let store = InMemoryLockStore()
    let slots = ProviderFactory.make(
      configuration: .default, environment: [:], httpClient: TestFixtures.httpClient, retry: TestFixtures.instantRetry)
    let chain = ProviderChain(
      slots: slots, policy: FailoverPolicy(configuration: .default), store: store, retry: TestFixtures.instantRetry)
    let result = try await chain.run(TestFixtures.request)
    #expect(result.output.provider == "local")
    #expect(result.output.forecasts.count == 1)
    #expect(result.output.forecasts.first?.horizons.count == 4)
    #expect(result.events.filter { $0.type == .providerSkipped }.map { $0.provider ?? "" }
      == ["openai", "gemini", "groq", "cloudflare", "huggingface"])
    #expect(await store.lock?.provider == "local")
  }

  @Test("the run starts from the persisted lock and keeps it on success")
  func startsFromLock() async throws {
    let log = RequestLog()
    let server = try await Self.vendors(log: log)
    let store = InMemoryLockStore(lock: LockState(provider: "groq", acquiredAt: Date(timeIntervalSince1970: 0)))
    let result = try await Self.chain(order: ["openai", "gemini", "groq", "local"], server: server.baseURL, store: store)
      .run(TestFixtures.request)
    try await server.shutdown()
    #expect(result.output.provider == "groq")
    #expect(await log.requests.allSatisfy { $0.path.hasPrefix("/openai/v1/") })
    #expect(!result.events.contains { $0.type == .failover })
  }

  @Test("without local an exhausted chain throws exit status 75 and the lock returns to the top")
  func exhausted() async throws {
    let log = RequestLog()
    let server = try await Self.vendors(log: log)
    let store = InMemoryLockStore()
    let chain = Self.chain(order: ["openai", "gemini"], server: server.baseURL, store: store)
    await #expect {
      _ = try await chain.run(TestFixtures.request)
    } throws: { error in
      (error as? ChainError)?.exitStatus == .tempFailure
    }
    try await server.shutdown()
    #expect(await store.lock?.provider == "openai")
    #expect(await store.audit.contains { $0.type == .failover && $0.details["to"] == "(none: chain exhausted)" })
  }

  @Test("the health monitor's streak promotes a recovered provider at the start of the next run")
  func promotion() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return request.method == "GET"
        ? .json(200, #"{"object":"list","data":[{"id":"gpt-4.1-mini","object":"model"}]}"#)
        : .json(200, TestFixtures.openAIChat(content: TestFixtures.forecastJSON()))
    }
    let store = InMemoryLockStore(lock: LockState(provider: "groq", acquiredAt: Date(timeIntervalSince1970: 0)))
    let chain = Self.chain(order: ["openai", "groq", "local"], server: server.baseURL, store: store)
    for _ in 0..<3 { _ = try await chain.monitorHealth() }
    #expect(await store.lock?.healthyStreaks["openai"] == 3)
    let result = try await chain.run(TestFixtures.request)
    try await server.shutdown()
    #expect(result.output.provider == "openai")
    #expect(!result.fallbackUsed)
    #expect(result.events.contains { $0.type == .promotion && $0.details["to"] == "openai" })
  }

  @Test("unavailable, then a failed health check, fails over after one strike")
  func unavailableThenUnhealthy() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return .json(503, #"{"error":{"message":"overloaded","type":"service_unavailable_error","param":null,"code":"server_is_overloaded"}}"#)
    }
    let store = InMemoryLockStore()
    let result = try await Self.chain(order: ["openai", "local"], server: server.baseURL, store: store)
      .run(TestFixtures.request)
    try await server.shutdown()
    #expect(result.output.provider == "local")
    #expect(result.events.map(\.type).contains(.healthCheck))
    #expect(await log.requests.filter { $0.method == "GET" }.map(\.path) == ["/v1/models"])
    #expect(await log.requests.filter { $0.method == "POST" }.count == 1)
  }

  @Test("a rate limit asking for more than 120 s fails over at once")
  func longRetryAfter() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return .json(
        429, #"{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#,
        headers: [("retry-after", "600")])
    }
    let store = InMemoryLockStore()
    let result = try await Self.chain(order: ["openai", "local"], server: server.baseURL, store: store)
      .run(TestFixtures.request)
    try await server.shutdown()
    #expect(result.output.provider == "local")
    #expect(await log.requests.count == 1)
    #expect(result.events.first { $0.type == .failover }?.details["reason"]?.contains("rate_limited") == true)
  }

  @Test("every series of a multi-series request is forecast, in dataset order")
  func manySeries() async throws {
    let server = try await LoopbackHTTPServer.start { _ in
      .json(200, TestFixtures.openAIChat(content: TestFixtures.forecastJSON()))
    }
    var request = TestFixtures.request
    let template = try #require(request.dataset.series.first)
    request.dataset.series = ["US-TX", "US-CA", "US-NY", "US-WA", "US-FL"].map { code in
      var series = template
      series.region = Region(code: code, name: code)
      return series
    }
    let provider = try TestFixtures.provider(.openai, server: server.baseURL)
    let output = try await provider.forecast(request)
    try await server.shutdown()
    #expect(output.forecasts.map(\.regionID) == request.dataset.series.map(\.region.id))
  }
}
