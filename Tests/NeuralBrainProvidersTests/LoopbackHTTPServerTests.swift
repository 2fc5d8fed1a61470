import Foundation
import NeuralBrainEnvironment
import NeuralBrainTestSupport
import Testing

/// The loopback server the vendor fakes run on, and the live `HTTPSession` talking to it: a
/// deadline on the session's clock, a body cap, refusals reported as such.
@Suite("Loopback HTTP server and HTTP session")
struct LoopbackHTTPServerTests {
  static func session(_ clock: TestClock) -> ClientHTTPSession {
    ClientHTTPSession(client: RunEnvironment.testHTTPClient, clock: clock)
  }

  @Test("answers with the handler's status, headers and body and reports what it received")
  func roundTrip() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return .json(201, #"{"ok":true}"#, headers: [("x-test", "1")])
    }
    let response = try await Self.session(TestClock()).send(
      WebRequest(
        method: "POST", url: server.baseURL + "/v1/things?a=b", headers: [("X-Key", "value")],
        body: Array("hello".utf8), timeout: .seconds(5), maxBodyBytes: 1024))
    try await server.shutdown()

    #expect(response.status == 201)
    #expect(response.header("X-Test") == "1")
    #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
    let received = try #require(await log.requests.first)
    #expect(received.method == "POST")
    #expect(received.uri == "/v1/things?a=b")
    #expect(received.path == "/v1/things")
    #expect(received.header("x-key") == "value")
    #expect(received.bodyText == "hello")
  }

  @Test("a server that never answers times out when the session's clock passes the deadline")
  func neverAnswers() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return nil
    }
    let clock = TestClock()
    let request = WebRequest(url: server.baseURL + "/", timeout: .seconds(30), maxBodyBytes: 1024)
    async let outcome = Result.catching { () async throws(WebError) -> WebResponse in
      try await Self.session(clock).send(request)
    }
    await log.wait(for: 1)
    #expect(await clock.advanceToNextDeadline() == .seconds(30))
    guard case .failure(let error) = await outcome else {
      Issue.record("a request nobody answers must time out")
      return
    }
    #expect(error == .timedOut(.seconds(30)))
    #expect(error.isTransient)
    #expect(error.description == "no complete answer within 30.0 s")
    try await server.shutdown()
  }

  @Test("a body above the request's cap is refused")
  func bodyTooLarge() async throws {
    let server = try await LoopbackHTTPServer.start { _ in .json(200, String(repeating: "x", count: 4096)) }
    await #expect(throws: WebError.bodyTooLarge(limit: 100)) {
      try await Self.session(TestClock()).send(
        WebRequest(url: server.baseURL + "/", timeout: .seconds(5), maxBodyBytes: 100))
    }
    try await server.shutdown()
  }

  @Test("the refusing base URL refuses connections")
  func refuses() async throws {
    let url = try await LoopbackHTTPServer.refusingBaseURL()
    #expect(url.hasPrefix("http://127.0.0.1:"))
    await #expect(throws: WebError.refused) {
      try await Self.session(TestClock()).send(WebRequest(url: url + "/", timeout: .seconds(5), maxBodyBytes: 1024))
    }
  }
}
