/// How the chain waits before sending a failed request again: exponential backoff for
/// `unavailable`, the vendor's hint for rate limits, all through one injectable `sleep` (tests
/// pass one that records instead of waiting).
public struct RetryPolicy: Sendable {
  /// First backoff in seconds; doubled per attempt.
  public var baseBackoff: Double
  public var maxBackoff: Double
  /// A `retry-after` above this means fail over now (openai-python gives up above 120 s too).
  public var maxRetryAfter: Double
  /// Total seconds the chain may spend waiting during one run before it fails over instead.
  public var runWaitBudget: Double
  public var sleep: @Sendable (Double) async -> Void

  public init(
    baseBackoff: Double = 0.5, maxBackoff: Double = 8, maxRetryAfter: Double = 120,
    runWaitBudget: Double = 300, sleep: @escaping @Sendable (Double) async -> Void = RetryPolicy.taskSleep
  ) {
    self.baseBackoff = baseBackoff
    self.maxBackoff = maxBackoff
    self.maxRetryAfter = maxRetryAfter
    self.runWaitBudget = runWaitBudget
    self.sleep = sleep
  }

  public static let standard = RetryPolicy()

  /// Sleeps on the task clock; returns early when the task is cancelled.
  public static let taskSleep: @Sendable (Double) async -> Void = { seconds in
    try? await Task.sleep(for: .milliseconds(Int64((max(seconds, 0) * 1000).rounded())))
  }

  /// The backoff before retry number `attempt` (0-based), at least the vendor's hint when it gave one.
  func backoff(attempt: Int, hint: Double?) -> Double {
    let exponential = min(baseBackoff * Double(1 << min(attempt, 16)), maxBackoff)
    return min(max(exponential, hint ?? 0), maxRetryAfter)
  }
}
