import NeuralBrainCore

/// What a chain run produced: one provider's output and the audit trail of how it got there.
public struct ChainResult: Sendable {
  public var output: ProviderOutput
  /// The audit events this run persisted, oldest first.
  public var events: [AuditEvent]
  /// The output came from a provider other than the highest-priority configured one.
  public var fallbackUsed: Bool

  public init(output: ProviderOutput, events: [AuditEvent], fallbackUsed: Bool) {
    self.output = output
    self.events = events
    self.fallbackUsed = fallbackUsed
  }
}
