import Foundation
import NeuralBrainCore

/// Runs one run's forecasts under the lock: starts from the locked provider, on failover discards
/// results and restarts with the next provider, skips unconfigured providers (audited), ends with
/// `local` or throws when the chain is exhausted. Every lock change and audit event is persisted
/// through the `LockStore` as it happens; the run's own start and end events are the pipeline's.
public struct ProviderChain: Sendable {
  public var slots: [ProviderSlot]
  public var policy: FailoverPolicy
  public var store: any LockStore
  public var retry: RetryPolicy
  public var clock: @Sendable () -> Date

  public init(
    slots: [ProviderSlot], policy: FailoverPolicy, store: any LockStore, retry: RetryPolicy = .standard,
    clock: @escaping @Sendable () -> Date = Date.init
  ) {
    self.slots = slots
    self.policy = policy
    self.store = store
    self.retry = retry
    self.clock = clock
  }

  /// Forecasts `request` with exactly one provider (the locked one, or the one failover reached).
  public func run(_ request: ForecastRequest) async throws -> ChainResult {
    let runID = request.runID
    var events: [AuditEvent] = []
    var failures: [ProviderFailure] = []
    var lock = try await store.loadLock() ?? policy.initialLock(at: clock())
    var outcome = policy.promote(lock, at: clock(), runID: runID)
    try await persist(&lock, &events, outcome)
    var waited = 0.0

    while true {
      guard let provider = slots.first(where: { $0.name == lock.provider })?.provider else {
        let reason = slots.first { $0.name == lock.provider }.flatMap(\.unconfiguredReason) ?? "not in the chain"
        outcome = policy.apply(.skipped(provider: lock.provider, reason: reason), to: lock, at: clock(), runID: runID)
        try await persist(&lock, &events, outcome)
        if case .failover(_, nil) = outcome.decision { throw ChainError.exhausted(failures: failures) }
        continue
      }
      let result: Result<ProviderOutput, ProviderFailure>
      do throws(ProviderFailure) {
        result = .success(try await provider.forecast(request))
      } catch {
        result = .failure(error)
      }
      switch result {
      case .success(let output):
        outcome = policy.apply(.success(provider: provider.name), to: lock, at: clock(), runID: runID)
        try await persist(&lock, &events, outcome)
        let primary = slots.first { $0.provider != nil }?.name
        return ChainResult(output: output, events: events, fallbackUsed: output.provider != primary)
      case .failure(let failure):
        failures.append(failure)
        outcome = policy.apply(
          .failure(failure), to: lock, at: clock(), runID: runID, waitBudget: retry.runWaitBudget - waited)
        if outcome.decision == .checkHealth {
          try await persist(&lock, &events, outcome)
          let health = await provider.checkHealth()
          outcome = policy.apply(.healthCheck(health), to: lock, at: clock(), runID: runID)
        }
        try await persist(&lock, &events, outcome)
        switch outcome.decision {
        case .retry(let wait):
          if wait > 0 {
            await retry.sleep(wait)
            waited += wait
          }
        case .failover(_, nil):
          throw ChainError.exhausted(failures: failures)
        case .failover, .stay, .checkHealth:
          continue
        }
      }
    }
  }

  /// Probes every ready provider ranked above the locked one and records the results (streaks
  /// for promotion); the health monitor calls this between runs.
  public func monitorHealth() async throws -> [HealthStatus] {
    var lock = try await store.loadLock() ?? policy.initialLock(at: clock())
    var events: [AuditEvent] = []
    var statuses: [HealthStatus] = []
    for slot in slots {
      guard slot.name != lock.provider else { break }
      guard let provider = slot.provider else { continue }
      let status = await provider.checkHealth()
      statuses.append(status)
      try await persist(&lock, &events, policy.apply(.healthCheck(status), to: lock, at: clock()))
    }
    return statuses
  }

  private func persist(_ lock: inout LockState, _ events: inout [AuditEvent], _ outcome: FailoverPolicy.Outcome)
    async throws
  {
    lock = outcome.lock
    events += outcome.events
    try await store.saveLock(lock)
    if !outcome.events.isEmpty { try await store.appendAudit(outcome.events) }
  }
}

extension ProviderSlot {
  var unconfiguredReason: String? {
    if case .unconfigured(let reason) = state { return reason }
    return nil
  }
}
