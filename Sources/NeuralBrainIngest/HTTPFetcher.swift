import Foundation
import NeuralBrainEnvironment

/// GET requests with a per-attempt timeout, a body-size cap and bounded retries.
///
/// Only failures that may pass are retried: 5xx answers, timeouts and connection errors.
/// The wait before retry `n` (1-based) is `retryDelay × 2^(n-1)`, on the run's clock.
struct HTTPFetcher: Sendable {
  let session: any HTTPSession
  let clock: any RunClock
  let timeout: Duration
  let retries: Int
  let maxBytes: Int
  let retryDelay: Duration

  /// A complete answer with a status below 500 (2xx and 4xx are the caller's to interpret).
  func get(_ url: String) async throws(IngestError) -> WebResponse {
    let request = WebRequest(
      url: url, headers: [("Accept", "application/json")], timeout: timeout, maxBodyBytes: maxBytes)
    var attempt = 0
    while true {
      let failure: IngestError
      do throws(WebError) {
        let response = try await session.send(request)
        guard response.status >= 500 else { return response }
        failure = .httpStatus(url: url, status: response.status, message: Self.message(in: response.body))
      } catch .bodyTooLarge(_) {
        throw .responseTooLarge(url: url, limit: maxBytes)
      } catch {
        guard error.isTransient else { throw .unreachable(url: url, detail: error.description) }
        failure = .unreachable(url: url, detail: "\(error.description); \(attempt + 1) attempt(s)")
      }
      guard attempt < retries else { throw failure }
      attempt += 1
      do {
        try await clock.sleep(for: retryDelay * (1 << (attempt - 1)))
      } catch {
        throw .unreachable(url: url, detail: "cancelled while waiting to retry")
      }
    }
  }

  /// The `message` of a JSON error body, or the start of the body as text.
  static func message(in body: [UInt8]) -> String {
    struct ErrorBody: Decodable { var message: String }
    if let decoded = try? JSONDecoder().decode(ErrorBody.self, from: Data(body)) { return decoded.message }
    return String(decoding: body.prefix(200), as: UTF8.self)
  }
}
