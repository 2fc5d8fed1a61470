import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// Runs one run's forecasts under the lock: starts from the locked provider, counts one strike
/// per failed request, on failover discards results and restarts with the next provider, skips
/// unconfigured providers (audited), ends with `local` or throws when the chain is exhausted.
/// Every lock change and audit event is persisted through the `LockStore` as it happens; the
/// run's own start and end events are the pipeline's.
public struct ProviderChain: Sendable {
  public var slots: [ProviderSlot]
  public var policy: FailoverPolicy
  public var store: any LockStore
  public var retry: RetryPolicy
  /// When audit events happen (the wall clock, not the run's `--now`).
  public var clock: any RunClock
  /// The jitter of backoffs.
  public var random: RandomSource

  public init(
    slots: [ProviderSlot], policy: FailoverPolicy, store: any LockStore, retry: RetryPolicy = .standard,
    clock: any RunClock, random: RandomSource
  ) {
    self.slots = slots
    self.policy = policy
    self.store = store
    self.retry = retry
    self.clock = clock
    self.random = random
  }

  /// Forecasts `request` with exactly one provider (the locked one, or the one failover reached).
  public func run(_ request: ForecastRequest) async throws -> ChainResult {
    let ledger = ChainLedger(chain: self, runID: request.runID)
    try await ledger.open()
    while true {
      let locked = await ledger.lockedProvider
      guard let provider = slots.first(where: { $0.name == locked })?.provider else {
        let reason = slots.first { $0.name == locked }.flatMap(\.unconfiguredReason) ?? "not in the chain"
        try await ledger.skip(locked, reason: reason)
        continue
      }
      let output: ProviderOutput
      do throws(ProviderFailure) {
        output = try await provider.forecast(request, outcomes: ChainOutcomes(ledger: ledger, provider: provider))
      } catch {
        try await ledger.gaveUp(provider, failure: error)
        continue
      }
      try await ledger.succeeded(provider.name)
      let primary = slots.first { $0.provider != nil }?.name
      return ChainResult(output: output, events: await ledger.events, fallbackUsed: output.provider != primary)
    }
  }
}

/// The answers a provider gets from the chain while it forecasts: each failed request is one
/// strike in the ledger.
struct ChainOutcomes: RequestOutcomeHandler {
  let ledger: ChainLedger
  let provider: any ForecastProvider

  func requestFailed(_ failure: ProviderFailure) async -> StrikeVerdict {
    await ledger.requestFailed(failure, provider: provider)
  }

  func requestSucceeded() async { await ledger.requestSucceeded(provider.name) }
}

/// One run's lock, strikes and audit events, applied through the failover policy and saved as
/// they happen. Saves are compare-and-swap: when someone changes the lock by hand during the run,
/// that change stands and the run's later changes are audited as refused (the run itself goes on
/// with its own provider, so its release still comes from one provider).
actor ChainLedger {
  let chain: ProviderChain
  let runID: String
  private(set) var lock: LockState
  private var version: Int?
  private(set) var events: [AuditEvent] = []
  private(set) var failures: [ProviderFailure] = []
  private var waited = 0.0
  private var refused = false
  private var exhausted = false
  /// A failed save while a provider was forecasting; rethrown when it gives up.
  private var storeError: (any Error)?

  init(chain: ProviderChain, runID: String) {
    self.chain = chain
    self.runID = runID
    lock = chain.policy.initialLock(at: chain.clock.now())
  }

  var lockedProvider: String { lock.provider }

  /// Loads the stored lock and applies a promotion the health monitor earned.
  func open() async throws {
    if let stored = try await chain.store.loadLock() {
      lock = stored.state
      version = stored.version
    } else {
      try await save(lock)
    }
    try await persist(chain.policy.promote(lock, at: chain.clock.now(), runID: runID))
  }

  /// The locked provider cannot run (no key): move past it, or end when the chain is exhausted.
  func skip(_ provider: String, reason: String) async throws {
    let outcome = chain.policy.apply(
      .skipped(provider: provider, reason: reason), to: lock, at: chain.clock.now(), runID: runID)
    try await persist(outcome)
    if case .failover(_, nil) = outcome.decision { throw ChainError.exhausted(failures: failures) }
  }

  func requestFailed(_ failure: ProviderFailure, provider: any ForecastProvider) async -> StrikeVerdict {
    guard lock.provider == provider.name, !exhausted, storeError == nil else { return .giveUp }
    failures.append(failure)
    do {
      var outcome = chain.policy.apply(
        .failure(failure), to: lock, at: chain.clock.now(), runID: runID, waitBudget: chain.retry.runWaitBudget - waited
      )
      if outcome.decision == .checkHealth {
        try await persist(outcome)
        let health = await provider.checkHealth()
        outcome = chain.policy.apply(.healthCheck(health), to: lock, at: chain.clock.now(), runID: runID)
      }
      try await persist(outcome)
      switch outcome.decision {
      case .retry(let wait):
        let backoff =
          failure.failureClass == .unavailable
          ? chain.retry.backoff(
            attempt: max(lock.consecutiveFailures - 1, 0), hint: failure.retryAfter, jitter: chain.random.fraction())
          : 0
        let delay = max(wait, backoff)
        waited += delay
        return .retry(after: delay)
      case .failover(_, let target):
        exhausted = target == nil
        return .giveUp
      case .stay, .checkHealth:
        return .retry(after: 0)
      }
    } catch {
      storeError = error
      return .giveUp
    }
  }

  func requestSucceeded(_ provider: String) async {
    guard lock.provider == provider, lock.consecutiveFailures > 0, storeError == nil else { return }
    do {
      try await persist(chain.policy.apply(.success(provider: provider), to: lock, at: chain.clock.now(), runID: runID))
    } catch {
      storeError = error
    }
  }

  func succeeded(_ provider: String) async throws {
    if let storeError { throw storeError }
    try await persist(chain.policy.apply(.success(provider: provider), to: lock, at: chain.clock.now(), runID: runID))
  }

  /// The provider threw: rethrow a failed save, end an exhausted chain, and make sure the lock has
  /// moved on (a provider that throws without being given up still counts its failure).
  func gaveUp(_ provider: any ForecastProvider, failure: ProviderFailure) async throws {
    for _ in 0..<(chain.policy.failoverThreshold + 1) where lock.provider == provider.name && !exhausted {
      if case .giveUp = await requestFailed(failure, provider: provider) { break }
    }
    if let storeError { throw storeError }
    if exhausted { throw ChainError.exhausted(failures: failures) }
  }

  /// Applies `outcome`: saves a changed lock (compare-and-swap) and appends its audit events.
  private func persist(_ outcome: FailoverPolicy.Outcome) async throws {
    let changed = outcome.lock != lock
    lock = outcome.lock
    events += outcome.events
    var audit = outcome.events
    if changed, let refusal = try await save(lock) { audit.append(refusal) }
    if !audit.isEmpty { try await chain.store.appendAudit(audit) }
  }

  /// Saves `state` against the version this run holds; the refusal event when someone else
  /// changed the lock first.
  @discardableResult
  private func save(_ state: LockState) async throws -> AuditEvent? {
    if !refused, let saved = try await chain.store.saveLock(state, replacing: version) {
      version = saved
      return nil
    }
    refused = true
    let held = try await chain.store.loadLock()?.state.provider ?? "none"
    let refusal = AuditEvent(
      time: chain.clock.now(), type: .lockChangeRefused, provider: state.provider, runID: runID,
      details: [
        "attempted": state.provider, "held": held,
        "reason": "the lock was changed during the run (lock acquire/release); that change stands",
      ])
    events.append(refusal)
    return refusal
  }
}

extension ProviderSlot {
  var unconfiguredReason: String? {
    if case .unconfigured(let reason) = state { return reason }
    return nil
  }
}
