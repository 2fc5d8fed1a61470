/// What a test observed, in order — requests a `LoopbackHTTPServer` received, batches a
/// scheduler ran — and a way to wait until enough has happened (an event, never a time).
public actor EventLog<Event: Sendable> {
  public private(set) var events: [Event] = []
  private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

  public init() {}

  public func append(_ event: Event) {
    events.append(event)
    let ready = waiters.filter { $0.count <= events.count }
    waiters.removeAll { $0.count <= events.count }
    for waiter in ready { waiter.continuation.resume() }
  }

  /// Waits until `count` events have been appended.
  public func wait(for count: Int) async {
    guard events.count < count else { return }
    await withCheckedContinuation { waiters.append((count, $0)) }
  }
}

/// The requests a `LoopbackHTTPServer` received, for tests to assert on and to wait for.
public typealias RequestLog = EventLog<LoopbackHTTPServer.Request>

extension EventLog where Event == LoopbackHTTPServer.Request {
  public var requests: [Event] { events }
}
