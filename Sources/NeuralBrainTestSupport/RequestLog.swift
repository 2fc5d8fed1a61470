/// What a `LoopbackHTTPServer` received, in order, for tests to assert on.
public actor RequestLog {
  public private(set) var requests: [LoopbackHTTPServer.Request] = []

  public init() {}

  public func append(_ request: LoopbackHTTPServer.Request) { requests.append(request) }
}
