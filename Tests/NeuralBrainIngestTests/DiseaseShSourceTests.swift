import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainIngest

/// Counts requests per path on the loopback server.
private actor RequestLog {
  private var counts: [String: Int] = [:]
  private var waiters: [(path: String, count: Int, continuation: CheckedContinuation<Void, Never>)] = []

  /// Records a request and returns how many `path` has had, this one included.
  func record(_ path: String) -> Int {
    counts[path, default: 0] += 1
    let count = counts[path] ?? 0
    let ready = waiters.filter { $0.path == path && $0.count <= count }
    waiters.removeAll { $0.path == path && $0.count <= count }
    for waiter in ready { waiter.continuation.resume() }
    return count
  }

  func count(_ path: String) -> Int { counts[path] ?? 0 }

  /// Waits until `path` has had `count` requests (an event, not a time).
  func wait(for count: Int, of path: String) async {
    guard self.count(path) < count else { return }
    await withCheckedContinuation { waiters.append((path, count, $0)) }
  }
}

@Suite("disease.sh over a loopback server")
struct DiseaseShSourceTests {
  static let usa =
    #"{"country":"USA","province":["mainland"],"timeline":{"cases":{"1/22/20":1,"1/23/20":3,"1/24/20":2,"1/25/20":7},"deaths":{"1/22/20":0,"1/23/20":0,"1/24/20":1,"1/25/20":1},"recovered":{"1/22/20":0,"1/23/20":0,"1/24/20":0,"1/25/20":0}}}"#
  static let germany =
    #"{"country":"Germany","province":["mainland"],"timeline":{"cases":{"12/30/22":100,"12/31/22":100,"1/1/23":150},"deaths":{"12/30/22":5,"12/31/22":6,"1/1/23":6}}}"#
  static let countries =
    #"[{"country":"Germany","population":83000000,"countryInfo":{"iso2":"DE","iso3":"DEU"}},{"country":"USA","population":331000000,"countryInfo":{"iso2":"US","iso3":"USA"}}]"#
  static let notFound = #"{"message":"Country not found or doesn't have any historical data"}"#

  private func source(
    _ baseURL: String, countries: [String] = ["USA", "Germany"], timeout: Duration = .seconds(30), retries: Int = 2,
    maxBytes: Int = SourceOptions.defaultHTTPMaxBytes, clock: TestClock = TestClock(advancesOnSleep: true),
    deadlines: TestClock = TestClock()
  ) -> DiseaseShSource {
    // By default retry waits pass at once and no request times out; a test moves the clocks to
    // see otherwise.
    let fetcher = HTTPFetcher(
      session: ClientHTTPSession(client: RunEnvironment.testHTTPClient, clock: deadlines), clock: clock,
      timeout: timeout, retries: retries, maxBytes: maxBytes, retryDelay: .seconds(2))
    return DiseaseShSource(
      baseURL: baseURL, countries: countries, corrections: .report, fetcher: fetcher, now: Fixture.now)
  }

  /// Runs `body` against a fresh server and always shuts the server down.
  private func withServer(
    _ handler: @escaping @Sendable (LoopbackHTTPServer.Request) async -> LoopbackHTTPServer.Response?,
    _ body: (LoopbackHTTPServer) async throws -> Void
  ) async throws {
    let server = try await LoopbackHTTPServer.start(handler)
    do {
      try await body(server)
    } catch {
      try await server.shutdown()
      throw error
    }
    try await server.shutdown()
  }

  /// Answers the three documented endpoints like disease.sh does.
  private static func answer(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Response {
    switch request.path {
    case "/v3/covid-19/historical/USA": .json(200, usa)
    case "/v3/covid-19/historical/Germany": .json(200, germany)
    case "/v3/covid-19/countries": .json(200, countries)
    default: .json(404, notFound)
    }
  }

  @Test("reads each country's timeline and the populations, converting cumulative to daily")
  func success() async throws {
    try await withServer({ Self.answer($0) }) { server in
      let dataset = try await source(server.baseURL + "/").load()
      #expect(dataset.frequency == .daily)
      #expect(dataset.regions.map(\.id) == ["germany", "usa"])
      #expect(dataset.regions.map(\.population) == [83_000_000, 331_000_000])
      let usaCases = try #require(dataset.series(region: "usa", metric: .cases))
      #expect(usaCases.start == Day(year: 2020, month: 1, day: 23))
      #expect(usaCases.values == [2, 0, 5])
      #expect(dataset.series(region: "germany", metric: .cases)?.values == [0, 50])
      #expect(dataset.notes.count == 1)
      #expect(dataset.provenance.source == "diseasesh")
      #expect(dataset.provenance.sourceURL == server.baseURL + "/v3/covid-19/historical")
      #expect(dataset.provenance.dataAsOf == Day(year: 2023, month: 1, day: 1))
      #expect(
        dataset.provenance.contentSHA256 == ContentHash.hex(Array((Self.usa + Self.germany + Self.countries).utf8)))
    }
  }

  @Test("an unknown country is a configuration error (78), not retried")
  func countryNotFound() async throws {
    let log = RequestLog()
    try await withServer({ request in
      _ = await log.record(request.path)
      return Self.answer(request)
    }) { server in
      let error = await #expect(throws: IngestError.self) {
        try await source(server.baseURL, countries: ["Atlantis"]).load()
      }
      let url = server.baseURL + "/v3/covid-19/historical/Atlantis?lastdays=all"
      #expect(
        error
          == .countryNotFound(
            country: "Atlantis", url: url, message: "Country not found or doesn't have any historical data"))
      #expect(error?.exitStatus == .config)
      #expect(await log.count("/v3/covid-19/historical/Atlantis") == 1)
    }
  }

  @Test("a 500 is retried and the second answer is used")
  func retryThenSuccess() async throws {
    let log = RequestLog()
    try await withServer({ request in
      let attempt = await log.record(request.path)
      if request.path == "/v3/covid-19/historical/USA", attempt == 1 { return .json(500, #"{"message":"busy"}"#) }
      return Self.answer(request)
    }) { server in
      let dataset = try await source(server.baseURL, countries: ["USA"]).load()
      #expect(dataset.series(region: "usa", metric: .cases)?.values == [2, 0, 5])
      #expect(await log.count("/v3/covid-19/historical/USA") == 2)
    }
  }

  @Test("persistent 500s fail with the status after the bounded retries (69)")
  func persistentServerError() async throws {
    let log = RequestLog()
    try await withServer({ request in
      _ = await log.record(request.path)
      return .json(503, #"{"message":"maintenance"}"#)
    }) { server in
      let error = await #expect(throws: IngestError.self) {
        try await source(server.baseURL, countries: ["USA"], retries: 2).load()
      }
      let url = server.baseURL + "/v3/covid-19/historical/USA?lastdays=all"
      #expect(error == .httpStatus(url: url, status: 503, message: "maintenance"))
      #expect(error?.exitStatus == .unavailable)
      #expect(await log.count("/v3/covid-19/historical/USA") == 3)
    }
  }

  @Test("a server that never answers times out on every attempt, with the backoff between (69)")
  func timeout() async throws {
    let log = RequestLog()
    let path = "/v3/covid-19/historical/USA"
    try await withServer({ request in
      _ = await log.record(request.path)
      return nil
    }) { server in
      let clock = TestClock()
      let source = source(
        server.baseURL, countries: ["USA"], timeout: .seconds(20), retries: 1, clock: clock, deadlines: clock)
      async let outcome = Result<Dataset, any Error>.catching { try await source.load() }
      await log.wait(for: 1, of: path)
      #expect(await clock.advanceToNextDeadline() == .seconds(20))
      #expect(await clock.advanceToNextDeadline() == .seconds(2), "the wait before the retry")
      await log.wait(for: 2, of: path)
      #expect(await clock.advanceToNextDeadline() == .seconds(20))
      guard case .failure(let error) = await outcome, case .unreachable(let url, let detail) = error as? IngestError
      else {
        Issue.record("expected unreachable")
        return
      }
      #expect(url.hasSuffix("/v3/covid-19/historical/USA?lastdays=all"))
      #expect(detail == "no complete answer within 20.0 s; 2 attempt(s)")
      #expect(IngestError.unreachable(url: url, detail: detail).exitStatus == .unavailable)
      #expect(await log.count(path) == 2)
    }
  }

  @Test("a refused connection is unreachable (69)")
  func refused() async throws {
    let base = try await LoopbackHTTPServer.refusingBaseURL()
    let error = await #expect(throws: IngestError.self) {
      try await source(base, countries: ["USA"], retries: 1).load()
    }
    guard case .unreachable = error else {
      Issue.record("expected unreachable, got \(String(describing: error))")
      return
    }
    #expect(error?.exitStatus == .unavailable)
  }

  @Test("a body over max_bytes is refused (65)")
  func tooLarge() async throws {
    try await withServer({ Self.answer($0) }) { server in
      let error = await #expect(throws: IngestError.self) {
        try await source(server.baseURL, countries: ["USA"], maxBytes: 64).load()
      }
      #expect(error == .responseTooLarge(url: server.baseURL + "/v3/covid-19/historical/USA?lastdays=all", limit: 64))
      #expect(error?.exitStatus == .dataError)
    }
  }

  @Test("a response that is not the documented JSON is bad data (65)")
  func badShape() async throws {
    try await withServer({ _ in .json(200, #"{"country":"USA","timeline":{"cases":{"yesterday":1}}}"#) }) { server in
      let error = await #expect(throws: IngestError.self) {
        try await source(server.baseURL, countries: ["USA"]).load()
      }
      #expect(error?.exitStatus == .dataError)
      #expect(error?.errorDescription?.contains("\"yesterday\"") == true)
    }
  }

  @Test("country names are escaped as one path segment")
  func escaping() {
    #expect(DiseaseShSource.escape("Korea, South") == "Korea%2C%20South")
    #expect(DiseaseShSource.escape("a/b") == "a%2Fb")
  }
}
