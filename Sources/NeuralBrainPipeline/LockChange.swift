import NeuralBrainProviders

/// A change of the provider lock made by hand (`neuralbrain lock acquire|release`).
public enum LockChange: Sendable, Hashable {
  /// Lock `provider` (one of `[providers] order`).
  case acquire(provider: String, reason: String)
  /// Release the lock; the next run starts again from the top of the order.
  case release(reason: String)

  var event: FailoverPolicy.Event {
    switch self {
    case let .acquire(provider, reason): .acquire(provider: provider, reason: reason)
    case let .release(reason): .release(reason: reason)
    }
  }
}
