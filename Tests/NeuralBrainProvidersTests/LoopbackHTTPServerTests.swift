import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NeuralBrainTestSupport
import Testing

@Suite("Loopback HTTP server")
struct LoopbackHTTPServerTests {
  @Test("answers with the handler's status, headers and body and reports what it received")
  func roundTrip() async throws {
    let log = RequestLog()
    let server = try await LoopbackHTTPServer.start { request in
      await log.append(request)
      return .json(201, #"{"ok":true}"#, headers: [("x-test", "1")])
    }
    var request = HTTPClientRequest(url: server.baseURL + "/v1/things?a=b")
    request.method = .POST
    request.headers.add(name: "X-Key", value: "value")
    request.body = .bytes(ByteBuffer(string: "hello"))
    let response = try await TestFixtures.httpClient.execute(request, timeout: .seconds(5))
    let body = try await response.body.collect(upTo: 1024)
    try await server.shutdown()

    #expect(response.status.code == 201)
    #expect(response.headers.first(name: "x-test") == "1")
    #expect(String(buffer: body) == #"{"ok":true}"#)
    let received = try #require(await log.requests.first)
    #expect(received.method == "POST")
    #expect(received.uri == "/v1/things?a=b")
    #expect(received.path == "/v1/things")
    #expect(received.header("x-key") == "value")
    #expect(received.bodyText == "hello")
  }

  @Test("a handler returning nil never answers, so the client's timeout fires")
  func neverAnswers() async throws {
    let server = try await LoopbackHTTPServer.start { _ in nil }
    await #expect(throws: HTTPClientError.self) {
      _ = try await TestFixtures.httpClient.execute(
        HTTPClientRequest(url: server.baseURL + "/"), timeout: .milliseconds(300))
    }
    try await server.shutdown()
  }

  @Test("the refusing base URL refuses connections")
  func refuses() async throws {
    let url = try await LoopbackHTTPServer.refusingBaseURL()
    #expect(url.hasPrefix("http://127.0.0.1:"))
    await #expect(throws: (any Error).self) {
      _ = try await TestFixtures.httpClient.execute(HTTPClientRequest(url: url + "/"), timeout: .seconds(5))
    }
  }
}
