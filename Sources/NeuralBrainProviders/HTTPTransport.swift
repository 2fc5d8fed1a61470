import NeuralBrainCore
import NeuralBrainEnvironment

/// Sends a vendor's requests through the run's `HTTPSession` with the provider's deadline and a
/// bounded body, and turns transport errors (refused, timeout, reset) into `unavailable`
/// failures.
///
/// It exists so that every vendor client shares one place where secrets are attached to
/// requests; nothing here logs or stores a header.
struct HTTPTransport: Sendable {
  /// The largest response body accepted (success bodies are small JSON documents).
  static let maximumBodyBytes = 4 << 20

  let session: any HTTPSession
  let provider: String
  /// The whole-request deadline (connect + send + wait + read).
  let timeout: Duration

  func send(_ call: VendorCall) async throws(ProviderFailure) -> WebResponse {
    var headers = call.headers
    if call.body != nil { headers.append(("content-type", "application/json")) }
    headers.append(("accept", "application/json"))
    let request = WebRequest(
      method: call.method, url: call.url, headers: headers, body: call.body?.bytes, timeout: timeout,
      maxBodyBytes: Self.maximumBodyBytes)
    do {
      return try await session.send(request)
    } catch .bodyTooLarge(let limit) {
      throw ProviderFailure(
        provider: provider, failureClass: .invalidOutput, message: "response body exceeds \(limit) bytes")
    } catch .timedOut(let timeout) {
      throw ProviderFailure(
        provider: provider, failureClass: .unavailable, message: "no answer within \(timeout.seconds) s (timeout)")
    } catch {
      throw ProviderFailure(provider: provider, failureClass: .unavailable, message: error.description)
    }
  }
}
