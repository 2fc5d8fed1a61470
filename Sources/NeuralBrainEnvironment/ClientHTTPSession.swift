import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The live `HTTPSession`: AsyncHTTPClient for the bytes, the run's clock for the deadline.
///
/// The deadline is a race between the exchange and `clock.sleep(for: timeout)`, not a NIO
/// timer, so a test clock decides when a request times out. AsyncHTTPClient cancels the
/// request when the race is lost.
public struct ClientHTTPSession: HTTPSession {
  let client: HTTPClient
  let clock: any RunClock

  public init(client: HTTPClient, clock: any RunClock) {
    self.client = client
    self.clock = clock
  }

  /// The client configuration NeuralBrain expects: a bounded connect (the request deadline
  /// covers the rest), and a refused connection reported at once instead of retried until the
  /// deadline (callers retry with backoff themselves).
  public static func configuration() -> HTTPClient.Configuration {
    var configuration = HTTPClient.Configuration()
    configuration.timeout = .init(connect: .seconds(5))
    configuration.connectionPool.retryConnectionEstablishment = false
    return configuration
  }

  public func send(_ request: WebRequest) async throws(WebError) -> WebResponse {
    let outcome = await withTaskGroup(of: Result<WebResponse, WebError>?.self) { group in
      group.addTask { await exchange(request) }
      group.addTask { [clock] in
        do {
          try await clock.sleep(for: request.timeout)
        } catch {
          return nil
        }
        return .failure(.timedOut(request.timeout))
      }
      var first = Result<WebResponse, WebError>.failure(.cancelled)
      while let next = await group.next() {
        guard let next else { continue }
        first = next
        break
      }
      group.cancelAll()
      return first
    }
    return try outcome.get()
  }

  /// The exchange itself, without a deadline (the race in `send` is the deadline).
  private func exchange(_ request: WebRequest) async -> Result<WebResponse, WebError> {
    var outgoing = HTTPClientRequest(url: request.url)
    outgoing.method = HTTPMethod(rawValue: request.method)
    for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
    if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
    do {
      let response = try await client.execute(outgoing, deadline: .distantFuture)
      if let declared = response.headers.first(name: "content-length").flatMap(Int.init),
        declared > request.maxBodyBytes
      {
        return .failure(.bodyTooLarge(limit: request.maxBodyBytes))
      }
      let buffer = try await response.body.collect(upTo: request.maxBodyBytes)
      return .success(
        WebResponse(
          status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
          body: Array(buffer.readableBytesView)))
    } catch is NIOTooManyBytesError {
      return .failure(.bodyTooLarge(limit: request.maxBodyBytes))
    } catch {
      return .failure(Self.classify(error))
    }
  }

  /// A transport error as a `WebError`, without echoing anything that might hold a secret.
  static func classify(_ error: any Error) -> WebError {
    if error is CancellationError { return .cancelled }
    if let error = error as? HTTPClientError {
      let text = String(describing: error)
      if error == .cancelled { return .cancelled }
      if [.invalidURL, .emptyHost, .emptyScheme].contains(error) || text.contains("unsupportedScheme") {
        return .invalidRequest(text)
      }
      if error == .connectTimeout { return .connectionFailed("connect timed out") }
      if error == .remoteConnectionClosed { return .connectionFailed("the server closed the connection") }
      return .connectionFailed(text)
    }
    let text = String(describing: error)
    if text.localizedCaseInsensitiveContains("refused") { return .refused }
    return .connectionFailed(text)
  }
}
