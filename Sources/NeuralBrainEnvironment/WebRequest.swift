import Foundation

/// One HTTP request as NeuralBrain sends it: a JSON API call or a data download, with its
/// whole-exchange deadline and the largest body it accepts.
public struct WebRequest: Sendable {
  public var method: String
  public var url: String
  public var headers: [(String, String)]
  public var body: [UInt8]?
  /// Connect, send, wait and read the whole body within this.
  public var timeout: Duration
  /// The largest response body accepted.
  public var maxBodyBytes: Int

  public init(
    method: String = "GET", url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
    timeout: Duration, maxBodyBytes: Int
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.timeout = timeout
    self.maxBodyBytes = maxBodyBytes
  }
}

/// A complete HTTP answer: status, headers and the whole body.
public struct WebResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: [UInt8]

  public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// The first value of header `name`, compared case-insensitively.
  public func header(_ name: String) -> String? {
    headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
  }

  public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Why an HTTP exchange gave no complete answer. Only `invalidRequest` and `cancelled` are not
/// worth retrying.
public enum WebError: Error, Sendable, Equatable {
  /// No complete answer within the request's timeout.
  case timedOut(Duration)
  /// The body (or its declared length) exceeds the request's limit.
  case bodyTooLarge(limit: Int)
  /// Nothing listens at the address.
  case refused
  /// The connection failed or closed early.
  case connectionFailed(String)
  /// The request cannot be sent (a malformed URL, an unsupported scheme).
  case invalidRequest(String)
  /// The task was cancelled.
  case cancelled

  /// Whether the same request may succeed later.
  public var isTransient: Bool {
    switch self {
    case .timedOut, .refused, .connectionFailed: true
    case .bodyTooLarge, .invalidRequest, .cancelled: false
    }
  }

  /// A short, secret-free description.
  public var description: String {
    switch self {
    case .timedOut(let timeout): "no complete answer within \(timeout.seconds) s"
    case .bodyTooLarge(let limit): "the response body exceeds \(limit) bytes"
    case .refused: "connection refused"
    case .connectionFailed(let detail): "connection failed: \(detail)"
    case .invalidRequest(let detail): "invalid request: \(detail)"
    case .cancelled: "cancelled"
    }
  }
}
