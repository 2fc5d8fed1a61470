/// One position of the failover chain: a ready provider, or one that cannot run (no key, no
/// account id) and is skipped with an audited reason.
public struct ProviderSlot: Sendable {
  /// Whether the slot can forecast.
  public enum State: Sendable {
    case ready(any ForecastProvider)
    /// Why the provider cannot run; never contains a secret.
    case unconfigured(reason: String)
  }

  public var name: String
  public var state: State

  public init(name: String, state: State) {
    self.name = name
    self.state = state
  }

  public var provider: (any ForecastProvider)? {
    if case .ready(let provider) = state { return provider }
    return nil
  }
}
