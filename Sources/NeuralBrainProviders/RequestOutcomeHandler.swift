import NeuralBrainCore

/// What the provider chain answers when one request of a provider failed.
public enum StrikeVerdict: Sendable, Hashable {
  /// Send that series again after `after` seconds; the other requests go on.
  case retry(after: Double)
  /// The provider is given up for this run: cancel every request in flight and throw.
  case giveUp
}

/// Where a provider reports each request's outcome while it forecasts a run, and learns whether
/// to go on. The provider chain counts one strike per failed request against the lock, so a
/// provider that keeps failing gets at most `failover_threshold + concurrency − 1` requests,
/// however many series the run has (docs/providers.md §5: stop using it for the run).
public protocol RequestOutcomeHandler: Sendable {
  func requestFailed(_ failure: ProviderFailure) async -> StrikeVerdict
  func requestSucceeded() async
}

/// Gives a provider up at its first failed request: what a single provider used outside the
/// chain (a test, a one-off probe) does.
public struct GiveUpAtFirstFailure: RequestOutcomeHandler {
  public init() {}
  public func requestFailed(_ failure: ProviderFailure) async -> StrikeVerdict { .giveUp }
  public func requestSucceeded() async {}
}
