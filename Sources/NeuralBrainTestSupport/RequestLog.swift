/// What a `LoopbackHTTPServer` received, in order, for tests to assert on and to wait for.
public actor RequestLog {
  public private(set) var requests: [LoopbackHTTPServer.Request] = []
  private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

  public init() {}

  public func append(_ request: LoopbackHTTPServer.Request) {
    requests.append(request)
    let ready = waiters.filter { $0.count <= requests.count }
    waiters.removeAll { $0.count <= requests.count }
    for waiter in ready { waiter.continuation.resume() }
  }

  /// Waits until `count` requests have arrived (an event, not a time).
  public func wait(for count: Int) async {
    guard requests.count < count else { return }
    await withCheckedContinuation { waiters.append((count, $0)) }
  }
}
