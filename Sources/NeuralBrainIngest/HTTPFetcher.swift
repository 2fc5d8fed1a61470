import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// GET requests with a per-attempt timeout, a body-size cap and bounded retries.
///
/// Only failures that may pass are retried: 5xx answers, timeouts and connection errors.
/// The wait before retry `n` (1-based) is `retryDelay × 2^(n-1)`.
struct HTTPFetcher: Sendable {
  /// A complete answer with a status below 500 (2xx and 4xx are the caller's to interpret).
  struct Response: Sendable {
    var status: Int
    var body: [UInt8]
  }

  let client: HTTPClient
  let timeoutSeconds: Double
  let retries: Int
  let maxBytes: Int
  let retryDelay: Duration

  func get(_ url: String) async throws(IngestError) -> Response {
    var attempt = 0
    while true {
      let failure: IngestError
      do {
        let response = try await once(url)
        guard response.status >= 500 else { return response }
        failure = .httpStatus(url: url, status: response.status, message: Self.message(in: response.body))
      } catch let error as IngestError {
        failure = error
      } catch {
        guard Self.isTransient(error) else { throw .unreachable(url: url, detail: String(describing: error)) }
        failure = .unreachable(url: url, detail: describe(error, attempts: attempt + 1))
      }
      guard attempt < retries else { throw failure }
      attempt += 1
      do {
        try await Task.sleep(for: retryDelay * (1 << (attempt - 1)))
      } catch {
        throw .unreachable(url: url, detail: "cancelled while waiting to retry")
      }
    }
  }

  private func once(_ url: String) async throws -> Response {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "Accept", value: "application/json")
    let response = try await client.execute(request, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
    if let declared = response.headers.first(name: "content-length").flatMap(Int.init), declared > maxBytes {
      throw IngestError.responseTooLarge(url: url, limit: maxBytes)
    }
    do {
      let buffer = try await response.body.collect(upTo: maxBytes)
      return Response(status: Int(response.status.code), body: Array(buffer.readableBytesView))
    } catch is NIOTooManyBytesError {
      throw IngestError.responseTooLarge(url: url, limit: maxBytes)
    }
  }

  /// Timeouts and connection-level failures; not malformed URLs or client misuse.
  private static func isTransient(_ error: any Error) -> Bool {
    guard let error = error as? HTTPClientError else { return !(error is CancellationError) }
    let transient: [HTTPClientError] = [
      .readTimeout, .writeTimeout, .connectTimeout, .deadlineExceeded, .remoteConnectionClosed,
      .getConnectionFromPoolTimeout, .tlsHandshakeTimeout,
    ]
    return transient.contains(error)
  }

  private func describe(_ error: any Error, attempts: Int) -> String {
    let what: String
    if let error = error as? HTTPClientError, [.readTimeout, .connectTimeout, .deadlineExceeded].contains(error) {
      what = "no complete answer within \(timeoutSeconds) s"
    } else {
      what = String(describing: error)
    }
    return "\(what); \(attempts) attempt(s)"
  }

  /// The `message` of a JSON error body, or the start of the body as text.
  static func message(in body: [UInt8]) -> String {
    struct ErrorBody: Decodable { var message: String }
    if let decoded = try? JSONDecoder().decode(ErrorBody.self, from: Data(body)) { return decoded.message }
    return String(decoding: body.prefix(200), as: UTF8.self)
  }
}
