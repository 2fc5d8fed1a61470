import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NeuralBrainEnvironment

/// A real HTTP/1.1 server on 127.0.0.1 with a random port, so tests exercise the production HTTP
/// clients (timeouts, status codes, headers, bodies) against scripted vendor fakes instead of mocks.
///
/// The handler sees each complete request and returns the response to send, or `nil` to never
/// answer (the client's read timeout then fires). Every connection is closed on `shutdown()`.
public final class LoopbackHTTPServer: Sendable {
  /// One complete request as the server received it.
  public struct Request: Sendable {
    public let method: String
    /// Path and query, exactly as sent on the request line.
    public let uri: String
    /// The path without the query.
    public let path: String
    public let headers: [(String, String)]
    public let body: [UInt8]

    public init(method: String, uri: String, headers: [(String, String)], body: [UInt8]) {
      self.method = method
      self.uri = uri
      self.path = String(uri.prefix { $0 != "?" })
      self.headers = headers
      self.body = body
    }

    /// The first value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
      headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// The body decoded as UTF-8 (lossy), for assertions on what a client sent.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
  }

  /// The response a handler returns: the shape the client side receives.
  public typealias Response = WebResponse

  /// The port the server listens on.
  public let port: Int
  private let serverChannel: any Channel
  private let connections: ConnectionRegistry

  /// `http://127.0.0.1:<port>`, without a trailing slash.
  public var baseURL: String { "http://127.0.0.1:\(port)" }

  private init(port: Int, serverChannel: any Channel, connections: ConnectionRegistry) {
    self.port = port
    self.serverChannel = serverChannel
    self.connections = connections
  }

  /// Binds 127.0.0.1 on a random free port and serves every request with `handler`.
  public static func start(
    _ handler: @escaping @Sendable (Request) async -> Response?
  ) async throws -> LoopbackHTTPServer {
    let connections = ConnectionRegistry()
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        connections.insert(channel)
        channel.closeFuture.whenComplete { _ in connections.remove(channel) }
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(RequestHandler(handler: handler))
        }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
    guard let port = channel.localAddress?.port else {
      try await channel.close()
      throw LoopbackHTTPServerError.noLocalAddress
    }
    return LoopbackHTTPServer(port: port, serverChannel: channel, connections: connections)
  }

  /// A base URL on which nothing listens, so connecting to it is refused: a port that was bound
  /// and released again.
  public static func refusingBaseURL() async throws -> String {
    let server = try await start { _ in nil }
    let url = server.baseURL
    try await server.shutdown()
    return url
  }

  /// Stops listening and closes every open connection, including unanswered ones.
  public func shutdown() async throws {
    try await serverChannel.close()
    for channel in connections.drain() {
      try? await channel.close()
    }
  }
}

/// Why the loopback server could not start.
public enum LoopbackHTTPServerError: Error, LocalizedError {
  case noLocalAddress

  public var errorDescription: String? {
    switch self {
    case .noLocalAddress:
      "The loopback HTTP server bound no local address on 127.0.0.1; check that the loopback interface is up."
    }
  }
}

/// The open child channels, so that `shutdown()` can close connections a handler never answered.
private final class ConnectionRegistry: @unchecked Sendable {
  private let lock = NSLock()
  private var channels: [ObjectIdentifier: any Channel] = [:]

  func insert(_ channel: any Channel) {
    lock.withLock { channels[ObjectIdentifier(channel)] = channel }
  }

  func remove(_ channel: any Channel) {
    _ = lock.withLock { channels.removeValue(forKey: ObjectIdentifier(channel)) }
  }

  func drain() -> [any Channel] {
    lock.withLock {
      let all = Array(channels.values)
      channels.removeAll()
      return all
    }
  }
}

/// Collects one request (head, body, end), asks the handler, and writes its response.
private final class RequestHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let handler: @Sendable (LoopbackHTTPServer.Request) async -> LoopbackHTTPServer.Response?
  private var head: HTTPRequestHead?
  private var body: [UInt8] = []

  init(handler: @escaping @Sendable (LoopbackHTTPServer.Request) async -> LoopbackHTTPServer.Response?) {
    self.handler = handler
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let requestHead):
      head = requestHead
      body = []
    case .body(var buffer):
      body += buffer.readBytes(length: buffer.readableBytes) ?? []
    case .end:
      guard let head else { return }
      self.head = nil
      let request = LoopbackHTTPServer.Request(
        method: head.method.rawValue,
        uri: head.uri,
        headers: head.headers.map { ($0.name, $0.value) },
        body: body
      )
      Self.answer(
        request, with: handler, version: head.version, keepAlive: head.isKeepAlive, on: context.channel)
    }
  }

  private static func answer(
    _ request: LoopbackHTTPServer.Request,
    with handler: @escaping @Sendable (LoopbackHTTPServer.Request) async -> LoopbackHTTPServer.Response?,
    version: HTTPVersion, keepAlive: Bool, on channel: any Channel
  ) {
    Task {
      guard let response = await handler(request) else { return }
      write(response, version: version, keepAlive: keepAlive, on: channel)
    }
  }

  private static func write(
    _ response: LoopbackHTTPServer.Response, version: HTTPVersion, keepAlive: Bool, on channel: any Channel
  ) {
    var headers = HTTPHeaders(response.headers)
    headers.replaceOrAdd(name: "content-length", value: String(response.body.count))
    if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
    let head = HTTPResponseHead(
      version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
    let buffer = ByteBuffer(bytes: response.body)
    channel.write(HTTPServerResponsePart.head(head), promise: nil)
    channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
    let done = channel.writeAndFlush(HTTPServerResponsePart.end(nil))
    if !keepAlive {
      done.whenComplete { _ in channel.close(promise: nil) }
    }
  }
}

extension WebResponse {
  /// A response with an `application/json` body.
  public static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> WebResponse {
    WebResponse(status: status, headers: [("content-type", "application/json")] + headers, body: Array(text.utf8))
  }

  /// A response with a textual body of the given content type (HTML error pages, plain text).
  public static func text(
    _ status: Int, _ text: String, contentType: String = "text/plain", headers: [(String, String)] = []
  ) -> WebResponse {
    WebResponse(status: status, headers: [("content-type", contentType)] + headers, body: Array(text.utf8))
  }
}
