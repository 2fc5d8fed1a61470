import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NeuralBrainCore

/// One HTTP exchange with a vendor, reduced to what classification needs: status, headers, body.
struct HTTPReply: Sendable {
  var status: Int
  var headers: [(String, String)]
  var body: [UInt8]

  /// The first value of header `name`, compared case-insensitively.
  func header(_ name: String) -> String? {
    headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
  }

  var isSuccess: Bool { (200..<300).contains(status) }
}

/// Sends requests through AsyncHTTPClient with a per-request deadline and a bounded body, and
/// turns transport errors (refused, timeout, reset) into `unavailable` failures.
///
/// It exists so that every vendor client shares one place where bytes cross the network and where
/// secrets are attached; nothing here logs or stores a header.
struct HTTPTransport: Sendable {
  /// The largest response body accepted (success bodies are small JSON documents).
  static let maximumBodyBytes = 4 << 20

  let client: HTTPClient
  let provider: String
  /// The whole-request deadline (connect + send + wait + read), in seconds.
  let timeoutSeconds: Double

  func send(
    _ method: HTTPMethod, _ url: String, headers: [(String, String)], json: [UInt8]? = nil
  ) async throws(ProviderFailure) -> HTTPReply {
    var request = HTTPClientRequest(url: url)
    request.method = method
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let json {
      request.headers.replaceOrAdd(name: "content-type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: json))
    }
    request.headers.replaceOrAdd(name: "accept", value: "application/json")
    let timeout = TimeAmount.milliseconds(Int64((timeoutSeconds * 1000).rounded()))
    do {
      let response = try await client.execute(request, timeout: timeout)
      let buffer = try await response.body.collect(upTo: Self.maximumBodyBytes)
      return HTTPReply(
        status: Int(response.status.code),
        headers: response.headers.map { ($0.name, $0.value) },
        body: Array(buffer.readableBytesView)
      )
    } catch let error as NIOTooManyBytesError {
      throw ProviderFailure(
        provider: provider, failureClass: .invalidOutput,
        message: "response body exceeds \(Self.maximumBodyBytes) bytes (\(error))")
    } catch {
      throw ProviderFailure(
        provider: provider, failureClass: .unavailable, message: Self.describe(error, timeout: timeoutSeconds))
    }
  }

  /// A short, secret-free description of a transport error.
  static func describe(_ error: any Error, timeout: Double) -> String {
    if let error = error as? HTTPClientError {
      switch error {
      case .deadlineExceeded, .readTimeout: return "no answer within \(timeout) s (timeout)"
      case .connectTimeout: return "connect timed out"
      case .remoteConnectionClosed: return "the server closed the connection"
      default: return "HTTP client error: \(error)"
      }
    }
    let text = String(describing: error)
    if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
    return "connection failed: \(text)"
  }
}
