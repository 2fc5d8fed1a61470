import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
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
        return .json(
          429,
          #"{"error":{"code":429,"message":"You exceeded your current quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaValue":"250"}]}]}}"#
        )
      }
      if request.path.hasPrefix("/openai/v1/") {
        return .json(200, TestFixtures.openAIChat(content: TestFixtures.forecastJSON()))
      }
      return .json(
        401,
        #"{"error":{"message":"Incorrect API key provided: sk-abc***.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
      )
    }
  }

  static func chain(
    order: [String], server: String, store: InMemoryLockStore, environment: [String: String] = TestFixtures.environment,
    concurrency: Int = 4, clock: TestClock = TestClock(advancesOnSleep: true)
  ) -> ProviderChain {
    var settings: [String: ProviderSettings] = ["local": ProviderSettings(kind: .local, baseURL: "", model: "local")]
    for kind in [ProviderKind.openai, .gemini, .groq] {
      settings[kind.rawValue] = TestFixtures.settings(kind, server: server)
    }
    let configuration = ProvidersConfiguration(order: order, settings: settings, concurrency: concurrency)
    let run = TestFixtures.runEnvironment(variables: environment, clock: clock)
    let slots = ProviderFactory.make(configuration: configuration, environment: run)
    return ProviderChain(
      slots: slots, policy: FailoverPolicy(configuration: configuration), store: store, clock: run.clock,
      random: run.random)
  }

  /// The fixture request with `count` regions of the same weekly series.
  static func request(regions count: Int) -> ForecastRequest {
    var request = TestFixtures.request
    let template = request.dataset.series[0]
    request.dataset.series = (0..<count).map { index in
      var series = template
      series.region = Region(code: "R\(index)", name: "Region \(index)")
      return series
    }
    return request
  }

  @Test("openai 401, gemini quota three times, groq succeeds: groq's output, both failovers audited")
  func failsOverTwice() async throws {
    let log = RequestLog()
    let server = try await Self.vendors(log: log)
    let store = InMemoryLockStore()
    let result = try await Self.chain(
      order: ["openai", "gemini", "groq", "local"], server: server.baseURL, store: store
    )
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
    #expect(
      audit.filter { $0.type == .failureRecorded }.map { $0.details["class"] ?? "" } == [
        "auth", "quota", "quota", "quota",
      ])
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
    let run = TestFixtures.runEnvironment(variables: [:])
    let slots = ProviderFactory.make(configuration: .default, environment: run)
    let chain = ProviderChain(
      slots: slots, policy: FailoverPolicy(configuration: .default), store: store, clock: run.clock, random: run.random)
    let result = try await chain.run(TestFixtures.request)
    #expect(result.output.provider == "local")
    #expect(result.output.forecasts.count == 1)
    #expect(result.output.forecasts.first?.horizons.count == 4)
    #expect(
      result.events.filter { $0.type == .providerSkipped }.map { $0.provider ?? "" }
        == ["openai", "gemini", "groq", "cloudflare", "huggingface"])
    #expect(await store.lock?.provider == "local")
  }

  @Test("the run starts from the persisted lock and keeps it on success")
  func startsFromLock() async throws {
    let log = RequestLog()
    let server = try await Self.vendors(log: log)
    let store = InMemoryLockStore(lock: LockState(provider: "groq", acquiredAt: Date(timeIntervalSince1970: 0)))
    let result = try await Self.chain(
      order: ["openai", "gemini", "groq", "local"], server: server.baseURL, store: store
    )
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
    let configuration = ProvidersConfiguration(order: ["openai", "groq", "local"], settings: [:])
    var lock = LockState(provider: "groq", acquiredAt: Date(timeIntervalSince1970: 0))
    for _ in 0..<3 {
      lock =
        FailoverPolicy(configuration: configuration)
        .apply(.monitored(HealthStatus(provider: "openai", healthy: true)), to: lock, at: Date()).lock
    }
    #expect(lock.healthyStreaks["openai"] == 3)
    let store = InMemoryLockStore(lock: lock)
    let chain = Self.chain(order: ["openai", "groq", "local"], server: server.baseURL, store: store)
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
      return .json(
        503,
        #"{"error":{"message":"overloaded","type":"service_unavailable_error","param":null,"code":"server_is_overloaded"}}"#
      )
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

  /// The regression test of the release-only crash: with several requests in flight, every
  /// reply must land in its own series' slot. Built with -O (as `scripts/test.sh` builds the
  /// suite), the task-group code this replaced trapped here on the first reply.
  @Test(
    "every series of a multi-series request is forecast by its own reply, in dataset order", arguments: [1, 2, 4, 8])
  func manySeries(concurrency: Int) async throws {
    let server = try await LoopbackHTTPServer.start { request in
      let region =
        request.bodyText.range(of: #"Region (\d+)"#, options: .regularExpression)
        .map { String(request.bodyText[$0].dropFirst(7)) } ?? "0"
      let median = 100 + (Double(region) ?? 0)
      return .json(200, TestFixtures.openAIChat(content: TestFixtures.forecastJSON(median: median)))
    }
    let request = Self.request(regions: 23)
    let provider = try TestFixtures.provider(.openai, server: server.baseURL, concurrency: concurrency)
    let output = try await provider.forecast(request)
    try await server.shutdown()
    #expect(output.forecasts.map(\.regionID) == request.dataset.series.map(\.region.id))
    for (index, forecast) in output.forecasts.enumerated() {
      #expect(forecast.horizons.allSatisfy { $0.median == 100 + Double(index) }, "\(forecast.regionID)")
    }
    #expect(output.usage == TokenUsage(requests: 23, promptTokens: 23, completionTokens: 23))
  }

  @Test(
    "a strike is one failed request: a provider that keeps failing gets at most threshold + concurrency − 1 calls",
    arguments: [1, 2, 4, 8])
  func strikesPerRequest(concurrency: Int) async throws {
    let log = RequestLog()
    let server = try await Self.vendors(log: log)
    let store = InMemoryLockStore()
    let result = try await Self.chain(
      order: ["openai", "gemini", "groq", "local"], server: server.baseURL, store: store, concurrency: concurrency
    ).run(Self.request(regions: 40))
    try await server.shutdown()
    #expect(result.output.provider == "groq")
    #expect(result.output.forecasts.count == 40)
    let requests = await log.requests
    #expect(requests.filter { $0.path.hasPrefix("/v1/") }.count <= concurrency)
    let gemini = requests.filter { $0.path.hasPrefix("/v1beta/") }.count
    #expect(gemini >= 3 && gemini <= 3 + concurrency - 1, "\(gemini) gemini calls")
    #expect(requests.filter { $0.path.hasPrefix("/openai/v1/") }.count == 40)
    let recorded = await store.audit.filter { $0.type == .failureRecorded }
    #expect(recorded.filter { $0.provider == "gemini" }.count == 3)
    #expect(recorded.filter { $0.provider == "openai" }.count == 1)
  }

  @Test("unavailable with a healthy probe is retried after a backoff, and success clears the count")
  func unavailableThenHealthy() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      if request.method == "GET" {
        return .json(200, #"{"object":"list","data":[{"id":"gpt-4.1-mini","object":"model"}]}"#)
      }
      let posts = await log.requests.filter { $0.method == "POST" }.count
      return posts <= 2
        ? .json(503, #"{"error":{"message":"busy","type":"server_error","code":null}}"#)
        : .json(200, TestFixtures.openAIChat(content: TestFixtures.forecastJSON()))
    }
    let clock = TestClock(advancesOnSleep: true)
    let store = InMemoryLockStore()
    let result = try await Self.chain(
      order: ["openai", "local"], server: server.baseURL, store: store, concurrency: 1, clock: clock
    ).run(TestFixtures.request)
    try await server.shutdown()
    #expect(result.output.provider == "openai")
    #expect(await log.requests.filter { $0.method == "POST" }.count == 3)
    #expect(await log.requests.filter { $0.method == "GET" }.count == 2)
    // Backoffs of 0.5 s then 1 s, each jittered into its upper half.
    let waits = clock.requestedSleeps.map(\.seconds)
    #expect(waits.count == 2)
    #expect(waits.count == 2 && (0.25...0.5).contains(waits[0]) && (0.5...1.0).contains(waits[1]), "\(waits)")
    #expect(await store.lock?.consecutiveFailures == 0)
  }

  @Test("a lock changed by hand during a run stands; the run's own change is audited as refused")
  func manualChangeWins() async throws {
    let log = RequestLog()
    let server = try await Self.vendors(log: log)
    let store = InMemoryLockStore()
    await store.interfering { store, events in
      guard events.contains(where: { $0.type == .failureRecorded }), await store.lock?.provider != "groq" else {
        return
      }
      await store.overwrite(LockState(provider: "groq", acquiredAt: Date()))
    }
    let result = try await Self.chain(order: ["openai", "gemini", "local"], server: server.baseURL, store: store)
      .run(TestFixtures.request)
    try await server.shutdown()
    #expect(result.output.provider == "local")
    #expect(await store.lock?.provider == "groq")
    let refused = await store.audit.filter { $0.type == .lockChangeRefused }
    #expect(!refused.isEmpty)
    #expect(refused.allSatisfy { $0.details["held"] == "groq" })
  }

  @Test("daily series ask for four 7-day totals and spread them over 28 days")
  func dailyAsksWeeklyTotals() async throws {
    let log = RequestLog()
    let start = Day(year: 2025, month: 3, day: 1)!
    let values: [Double?] = (0..<70).map { day in Double([60, 110, 100, 105, 95, 90, 40][day % 7]) }
    let region = Region(code: "XX", name: "Dailyland")
    let dataset = Dataset(
      provenance: Provenance(
        source: "test", sourceURL: "test:", retrievedAt: Date(timeIntervalSince1970: 0),
        dataAsOf: start.adding(days: 69)),
      frequency: .daily, regions: [region],
      series: [IncidentSeries(region: region, metric: .cases, frequency: .daily, start: start, values: values)])
    let last = start.adding(days: 69)
    let asked = (1...4).map { last.adding(days: 7 * $0) }
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return .json(200, TestFixtures.openAIChat(content: TestFixtures.forecastJSON(median: 600, dates: asked)))
    }
    let provider = try TestFixtures.provider(.openai, server: server.baseURL)
    let output = try await provider.forecast(
      ForecastRequest(dataset: dataset, targets: ForecastTargets(frequency: .daily), seed: 7, runID: "run-d"))
    try await server.shutdown()
    let body = try #require(await log.requests.first?.bodyText)
    #expect(body.contains("total count of the 7 days ending on each of these dates"))
    for date in asked { #expect(body.contains(date.iso)) }
    #expect(!body.contains(last.adding(days: 1).iso))
    let forecast = try #require(output.forecasts.first)
    #expect(forecast.horizons.count == 28)
    #expect(forecast.horizons.map(\.targetEndDate) == (1...28).map { last.adding(days: $0) })
    for week in 0..<4 {
      let total = forecast.horizons[(week * 7)..<(week * 7 + 7)].map(\.median).reduce(0, +)
      #expect(abs(total - 600) < 60, "week \(week + 1) medians add up to \(total)")
    }
    // The weekday pattern survives: the reporting dip on the 7th weekday stays a dip.
    let medians = forecast.horizons.map(\.median)
    #expect(medians[6] < medians[5] && medians[0] < medians[1])
  }
}
