/// How long the chain waits before sending a failed request again: exponential backoff with
/// jitter for `unavailable`, at least the vendor's hint for rate limits, within a run's budget.
public struct RetryPolicy: Sendable {
  /// First backoff in seconds; doubled per attempt.
  public var baseBackoff: Double
  public var maxBackoff: Double
  /// A `retry-after` above this means fail over now (openai-python gives up above 120 s too).
  public var maxRetryAfter: Double
  /// Total seconds the chain may spend waiting during one run before it fails over instead.
  public var runWaitBudget: Double

  public init(
    baseBackoff: Double = 0.5, maxBackoff: Double = 8, maxRetryAfter: Double = 120, runWaitBudget: Double = 300
  ) {
    self.baseBackoff = baseBackoff
    self.maxBackoff = maxBackoff
    self.maxRetryAfter = maxRetryAfter
    self.runWaitBudget = runWaitBudget
  }

  public static let standard = RetryPolicy()

  /// The backoff before retry number `attempt` (0-based): the exponential step scaled into its
  /// upper half by `jitter` (a draw in 0..<1, so that jobs sharing a vendor do not retry in
  /// lockstep), and at least the vendor's hint when it gave one.
  func backoff(attempt: Int, hint: Double?, jitter: Double) -> Double {
    let exponential = min(baseBackoff * Double(1 << min(attempt, 16)), maxBackoff)
    return min(max(exponential * (0.5 + 0.5 * jitter), hint ?? 0), maxRetryAfter)
  }
}
