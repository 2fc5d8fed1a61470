import Foundation
import NeuralBrainCore

/// The pure failover state machine of docs/providers.md §5: given the lock, the chain order and an
/// event, it returns the new lock, the audit events to persist and what the chain does next.
///
/// auth, model not found, bad request, too large → fail over at once; quota, rate limit, blocked,
/// truncated, invalid output → count and fail over at `failoverThreshold` consecutive (a rate-limit
/// wait above `maxRetryAfter` or the run's remaining budget fails over now); unavailable → health
/// check, fail over if it fails. Success resets the count. Promotion only between runs.
///
/// Between runs the health monitor's probes act too: the locked provider fails over after
/// `healthFailoverChecks` consecutive failed probes, and a healthy probe clears counted
/// `unavailable` failures. Monitor probes are audited only when a provider's health changes.
public struct FailoverPolicy: Sendable {
  public var order: [String]
  public var failoverThreshold: Int
  /// Consecutive healthy checks before promotion; 0 disables promotion.
  public var promotionChecks: Int
  public var maxRetryAfter: Double
  /// The wait before retrying a rate limit that came without a hint.
  public var rateLimitBackoff: Double
  /// Consecutive failed monitor probes of the locked provider that fail it over; 0 disables.
  public var healthFailoverChecks: Int

  public init(
    order: [String], failoverThreshold: Int = 3, promotionChecks: Int = 3, maxRetryAfter: Double = 120,
    rateLimitBackoff: Double = 5, healthFailoverChecks: Int = 3
  ) {
    self.order = order
    self.failoverThreshold = max(failoverThreshold, 1)
    self.promotionChecks = max(promotionChecks, 0)
    self.maxRetryAfter = maxRetryAfter
    self.rateLimitBackoff = rateLimitBackoff
    self.healthFailoverChecks = max(healthFailoverChecks, 0)
  }

  public init(configuration: ProvidersConfiguration, maxRetryAfter: Double = 120) {
    self.init(
      order: configuration.order, failoverThreshold: configuration.failoverThreshold,
      promotionChecks: configuration.promotionChecks, maxRetryAfter: maxRetryAfter,
      healthFailoverChecks: configuration.healthFailoverChecks)
  }

  /// Something that happened to a provider.
  public enum Event: Sendable, Hashable {
    case success(provider: String)
    case failure(ProviderFailure)
    case healthCheck(HealthStatus)
    /// A health-monitor probe between runs (the `schedule` monitor or `neuralbrain health`).
    case monitored(HealthStatus)
    /// The provider cannot run (no key); the chain moves past it.
    case skipped(provider: String, reason: String)
    case acquire(provider: String, reason: String)
    case release(reason: String)
  }

  /// What the chain does next.
  public enum Decision: Sendable, Hashable {
    /// Keep the locked provider (success, a monitor check, a manual change).
    case stay
    /// A counted failure below the threshold: run again with the same provider after `wait` seconds.
    case retry(wait: Double)
    /// Unavailable after bounded retries: probe the provider's health, then apply `.healthCheck`.
    case checkHealth
    /// Move the lock on; `to` is nil when the chain is exhausted.
    case failover(from: String, to: String?)
  }

  /// The result of one event: the lock to persist, the audit events to append, the next step.
  public struct Outcome: Sendable, Hashable {
    public var lock: LockState
    public var events: [AuditEvent]
    public var decision: Decision
  }

  /// The lock before anything happened: the first provider of the order.
  public func initialLock(at time: Date) -> LockState {
    LockState(provider: order.first ?? "local", acquiredAt: time)
  }

  /// The provider after `name` in the order (the first one when `name` is not in it).
  public func next(after name: String) -> String? {
    guard let index = order.firstIndex(of: name) else { return order.first }
    return order.indices.contains(index + 1) ? order[index + 1] : nil
  }

  /// Applies `event`. `waitBudget` is how many seconds the run may still spend waiting.
  public func apply(
    _ event: Event, to lock: LockState, at time: Date, runID: String? = nil, waitBudget: Double = .infinity
  ) -> Outcome {
    func audit(_ type: AuditEventType, _ provider: String?, _ details: [String: String]) -> AuditEvent {
      AuditEvent(time: time, type: type, provider: provider, runID: runID, details: details)
    }
    var lock = lock
    switch event {
    case .success:
      lock.consecutiveFailures = 0
      lock.lastFailureClass = nil
      return Outcome(lock: lock, events: [], decision: .stay)

    case .failure(let failure):
      lock.consecutiveFailures += 1
      lock.lastFailureClass = failure.failureClass
      let recorded = audit(.failureRecorded, failure.provider, Self.details(failure, count: lock.consecutiveFailures))
      switch failure.failureClass {
      case .auth, .modelNotFound, .badRequest, .tooLarge:
        return failover(lock, reason: failure.failureClass.rawValue, prefix: [recorded], time: time, runID: runID)
      case .unavailable:
        return Outcome(lock: lock, events: [recorded], decision: .checkHealth)
      case .rateLimited:
        let wait = failure.retryAfter ?? rateLimitBackoff
        if wait > min(maxRetryAfter, waitBudget) {
          return failover(
            lock, reason: "rate_limited (retry after \(Int(wait.rounded())) s)", prefix: [recorded], time: time,
            runID: runID)
        }
        return counted(lock, failure.failureClass, wait: wait, prefix: [recorded], time: time, runID: runID)
      case .quota, .blocked, .truncated, .invalidOutput:
        return counted(lock, failure.failureClass, wait: 0, prefix: [recorded], time: time, runID: runID)
      }

    case .healthCheck(let status):
      let checked = audit(.healthCheck, status.provider, Self.details(status))
      lock.lastHealth[status.provider] = status.healthy
      if status.provider == lock.provider {
        guard lock.lastFailureClass == .unavailable else {
          return Outcome(lock: lock, events: [checked], decision: .stay)
        }
        if !status.healthy {
          return failover(
            lock, reason: "unavailable and the health check failed", prefix: [checked], time: time, runID: runID)
        }
        return counted(lock, .unavailable, wait: 0, prefix: [checked], time: time, runID: runID)
      }
      countStreak(status, in: &lock)
      return Outcome(lock: lock, events: [checked], decision: .stay)

    case .monitored(let status):
      let changed = lock.lastHealth[status.provider] != status.healthy
      lock.lastHealth[status.provider] = status.healthy
      let checked = changed ? [audit(.healthCheck, status.provider, Self.details(status))] : []
      if status.provider == lock.provider {
        guard !status.healthy else {
          lock.failedHealthChecks = 0
          if lock.lastFailureClass == .unavailable {
            lock.consecutiveFailures = 0
            lock.lastFailureClass = nil
          }
          return Outcome(lock: lock, events: checked, decision: .stay)
        }
        lock.failedHealthChecks += 1
        guard healthFailoverChecks > 0, lock.failedHealthChecks >= healthFailoverChecks else {
          return Outcome(lock: lock, events: checked, decision: .stay)
        }
        return failover(
          lock, reason: "the health check failed \(lock.failedHealthChecks) consecutive times", prefix: checked,
          time: time, runID: runID)
      }
      countStreak(status, in: &lock)
      return Outcome(lock: lock, events: checked, decision: .stay)

    case .skipped(let provider, let reason):
      let skipped = audit(.providerSkipped, provider, ["reason": reason])
      guard provider == lock.provider else { return Outcome(lock: lock, events: [skipped], decision: .stay) }
      return failover(lock, reason: "skipped: \(reason)", prefix: [skipped], time: time, runID: runID)

    case .acquire(let provider, let reason):
      let acquired = LockState(provider: provider, acquiredAt: time, lastHealth: lock.lastHealth)
      return Outcome(
        lock: acquired,
        events: [audit(.lockAcquired, provider, ["reason": reason, "previous": lock.provider, "manual": "true"])],
        decision: .stay)

    case .release(let reason):
      var top = initialLock(at: time)
      top.lastHealth = lock.lastHealth
      return Outcome(
        lock: top,
        events: [
          audit(.lockReleased, lock.provider, ["reason": reason]),
          audit(.lockAcquired, top.provider, ["reason": "lock released; back to the top of the order"]),
        ],
        decision: .stay)
    }
  }

  /// Between runs: promotes the highest-priority provider above the locked one that the health
  /// monitor saw healthy `promotionChecks` consecutive times.
  public func promote(_ lock: LockState, at time: Date, runID: String? = nil) -> Outcome {
    guard promotionChecks > 0,
      let candidate = order.first(where: {
        isHigherPriority($0, than: lock.provider) && (lock.healthyStreaks[$0] ?? 0) >= promotionChecks
      })
    else {
      return Outcome(lock: lock, events: [], decision: .stay)
    }
    let details = [
      "from": lock.provider, "to": candidate, "healthy_checks": String(lock.healthyStreaks[candidate] ?? 0),
    ]
    return Outcome(
      lock: LockState(provider: candidate, acquiredAt: time, lastHealth: lock.lastHealth),
      events: [
        AuditEvent(time: time, type: .promotion, provider: candidate, runID: runID, details: details),
        AuditEvent(
          time: time, type: .lockAcquired, provider: candidate, runID: runID, details: ["reason": "promotion"]),
      ],
      decision: .stay)
  }

  /// Counts a probe of a provider ranked above the locked one towards its promotion streak.
  private func countStreak(_ status: HealthStatus, in lock: inout LockState) {
    guard isHigherPriority(status.provider, than: lock.provider) else { return }
    lock.healthyStreaks[status.provider] = status.healthy ? (lock.healthyStreaks[status.provider] ?? 0) + 1 : 0
  }

  private func isHigherPriority(_ name: String, than other: String) -> Bool {
    guard let index = order.firstIndex(of: name) else { return false }
    guard let otherIndex = order.firstIndex(of: other) else { return true }
    return index < otherIndex
  }

  private func counted(
    _ lock: LockState, _ failureClass: FailureClass, wait: Double, prefix: [AuditEvent], time: Date, runID: String?
  ) -> Outcome {
    guard lock.consecutiveFailures >= failoverThreshold else {
      return Outcome(lock: lock, events: prefix, decision: .retry(wait: wait))
    }
    return failover(
      lock, reason: "\(failureClass.rawValue) \(lock.consecutiveFailures) consecutive times", prefix: prefix,
      time: time, runID: runID)
  }

  private func failover(
    _ lock: LockState, reason: String, prefix: [AuditEvent], time: Date, runID: String?
  ) -> Outcome {
    let target = next(after: lock.provider)
    var events = prefix
    events.append(
      AuditEvent(
        time: time, type: .failover, provider: lock.provider, runID: runID,
        details: ["from": lock.provider, "to": target ?? "(none: chain exhausted)", "reason": reason]))
    // An exhausted chain starts from the top again next run.
    let newLock = LockState(
      provider: target ?? order.first ?? lock.provider, acquiredAt: time, lastHealth: lock.lastHealth)
    events.append(
      AuditEvent(
        time: time, type: .lockAcquired, provider: newLock.provider, runID: runID,
        details: ["reason": target == nil ? "chain exhausted; the next run starts from the top" : "failover"]))
    return Outcome(lock: newLock, events: events, decision: .failover(from: lock.provider, to: target))
  }

  static func details(_ status: HealthStatus) -> [String: String] {
    var details = ["healthy": String(status.healthy)]
    if let latency = status.latencyMilliseconds { details["latency_ms"] = String(latency) }
    if let failure = status.failure { details.merge(Self.details(failure, count: nil)) { $1 } }
    return details
  }

  static func details(_ failure: ProviderFailure, count: Int?) -> [String: String] {
    var details = ["class": failure.failureClass.rawValue, "message": failure.message]
    if let status = failure.httpStatus { details["http_status"] = String(status) }
    if let code = failure.vendorCode { details["vendor_code"] = code }
    if let retryAfter = failure.retryAfter { details["retry_after_s"] = String(retryAfter) }
    if let count { details["consecutive"] = String(count) }
    return details
  }
}
