import Foundation
import NeuralBrainCore
import NeuralBrainProviders
import Testing

@Suite("Failover policy")
struct FailoverPolicyTests {
  let policy = FailoverPolicy(order: ["openai", "gemini", "groq", "local"], failoverThreshold: 3, promotionChecks: 3)
  let time = Date(timeIntervalSince1970: 1_800_000_000)

  func failure(_ provider: String, _ failureClass: FailureClass, retryAfter: Double? = nil) -> FailoverPolicy.Event {
    .failure(ProviderFailure(provider: provider, failureClass: failureClass, message: "m", retryAfter: retryAfter))
  }

  @Test(
    "configuration problems fail over on the first strike",
    arguments: [FailureClass.auth, .modelNotFound, .badRequest, .tooLarge])
  func oneStrike(failureClass: FailureClass) {
    let outcome = policy.apply(
      failure("openai", failureClass), to: LockState(provider: "openai", acquiredAt: time), at: time)
    #expect(outcome.decision == .failover(from: "openai", to: "gemini"))
    #expect(outcome.lock.provider == "gemini")
    #expect(outcome.lock.consecutiveFailures == 0)
    #expect(outcome.events.map(\.type) == [.failureRecorded, .failover, .lockAcquired])
    #expect(outcome.events[0].details["class"] == failureClass.rawValue)
  }

  @Test(
    "counted classes fail over at the third consecutive failure",
    arguments: [FailureClass.quota, .rateLimited, .blocked, .truncated, .invalidOutput])
  func threeStrikes(failureClass: FailureClass) {
    var lock = LockState(provider: "gemini", acquiredAt: time)
    var decisions: [FailoverPolicy.Decision] = []
    for _ in 0..<3 {
      let outcome = policy.apply(failure("gemini", failureClass), to: lock, at: time)
      lock = outcome.lock
      decisions.append(outcome.decision)
    }
    let wait = failureClass == .rateLimited ? policy.rateLimitBackoff : 0
    #expect(decisions == [.retry(wait: wait), .retry(wait: wait), .failover(from: "gemini", to: "groq")])
    #expect(lock.provider == "groq")
  }

  @Test("success resets the consecutive count")
  func successResets() {
    var lock = LockState(provider: "gemini", acquiredAt: time)
    lock = policy.apply(failure("gemini", .quota), to: lock, at: time).lock
    lock = policy.apply(failure("gemini", .quota), to: lock, at: time).lock
    #expect(lock.consecutiveFailures == 2)
    lock = policy.apply(.success(provider: "gemini"), to: lock, at: time).lock
    #expect(lock.consecutiveFailures == 0)
    let outcome = policy.apply(failure("gemini", .quota), to: lock, at: time)
    #expect(outcome.decision == .retry(wait: 0))
  }

  @Test("a short rate-limit hint is waited out; a long one or one beyond the budget fails over now")
  func rateLimitHints() {
    let lock = LockState(provider: "openai", acquiredAt: time)
    #expect(
      policy.apply(failure("openai", .rateLimited, retryAfter: 2), to: lock, at: time).decision == .retry(wait: 2))
    #expect(
      policy.apply(failure("openai", .rateLimited, retryAfter: 300), to: lock, at: time).decision
        == .failover(from: "openai", to: "gemini"))
    #expect(
      policy.apply(failure("openai", .rateLimited, retryAfter: 30), to: lock, at: time, waitBudget: 10).decision
        == .failover(from: "openai", to: "gemini"))
  }

  @Test("unavailable asks for a health check; a failed check fails over, a passed one retries")
  func unavailable() {
    let start = LockState(provider: "openai", acquiredAt: time)
    let failed = policy.apply(failure("openai", .unavailable), to: start, at: time)
    #expect(failed.decision == .checkHealth)
    let unhealthy = policy.apply(
      .healthCheck(HealthStatus(provider: "openai", healthy: false)), to: failed.lock, at: time)
    #expect(unhealthy.decision == .failover(from: "openai", to: "gemini"))
    #expect(unhealthy.events.first?.type == .healthCheck)
    let healthy = policy.apply(.healthCheck(HealthStatus(provider: "openai", healthy: true)), to: failed.lock, at: time)
    #expect(healthy.decision == .retry(wait: 0))
  }

  @Test("promotion needs N consecutive healthy checks and happens only when asked between runs")
  func promotion() {
    var lock = LockState(provider: "groq", acquiredAt: time)
    for healthy in [true, true, false, true, true] {
      lock = policy.apply(.healthCheck(HealthStatus(provider: "gemini", healthy: healthy)), to: lock, at: time).lock
    }
    #expect(lock.healthyStreaks["gemini"] == 2)
    #expect(policy.promote(lock, at: time).lock.provider == "groq")
    lock = policy.apply(.healthCheck(HealthStatus(provider: "gemini", healthy: true)), to: lock, at: time).lock
    #expect(lock.provider == "groq")
    let promoted = policy.promote(lock, at: time)
    #expect(promoted.lock.provider == "gemini")
    #expect(promoted.events.map(\.type) == [.promotion, .lockAcquired])
    let disabled = FailoverPolicy(order: policy.order, promotionChecks: 0)
    #expect(disabled.promote(lock, at: time).lock.provider == "groq")
  }

  @Test("checks of lower-priority providers never build a promotion streak")
  func lowerPriority() {
    let lock = LockState(provider: "gemini", acquiredAt: time)
    let outcome = policy.apply(.healthCheck(HealthStatus(provider: "groq", healthy: true)), to: lock, at: time)
    #expect(outcome.lock.healthyStreaks["groq"] == nil)
    #expect(outcome.decision == .stay)
  }

  @Test("a skipped provider passes the lock on; the end of the chain goes back to the top")
  func skipAndExhaust() {
    let skipped = policy.apply(
      .skipped(provider: "openai", reason: "OPENAI_API_KEY is not set"),
      to: LockState(provider: "openai", acquiredAt: time), at: time)
    #expect(skipped.decision == .failover(from: "openai", to: "gemini"))
    #expect(skipped.events.first?.type == .providerSkipped)
    let exhausted = policy.apply(failure("local", .auth), to: LockState(provider: "local", acquiredAt: time), at: time)
    #expect(exhausted.decision == .failover(from: "local", to: nil))
    #expect(exhausted.lock.provider == "openai")
  }

  @Test("manual acquire and release are audited")
  func manual() {
    let lock = LockState(provider: "groq", acquiredAt: time)
    let acquired = policy.apply(.acquire(provider: "local", reason: "maintenance"), to: lock, at: time)
    #expect(acquired.lock.provider == "local")
    #expect(acquired.events.first?.details["reason"] == "maintenance")
    let released = policy.apply(.release(reason: "done"), to: acquired.lock, at: time)
    #expect(released.lock.provider == "openai")
    #expect(released.events.map(\.type) == [.lockReleased, .lockAcquired])
  }

  @Test("the locked provider fails over after three failed monitor probes, audited only when its health changes")
  func monitoredFailover() {
    var lock = LockState(provider: "openai", acquiredAt: time)
    var audited: [AuditEventType] = []
    var decisions: [FailoverPolicy.Decision] = []
    for _ in 0..<3 {
      let outcome = policy.apply(.monitored(HealthStatus(provider: "openai", healthy: false)), to: lock, at: time)
      lock = outcome.lock
      audited += outcome.events.map(\.type)
      decisions.append(outcome.decision)
    }
    #expect(decisions == [.stay, .stay, .failover(from: "openai", to: "gemini")])
    #expect(audited == [.healthCheck, .failover, .lockAcquired])
    #expect(lock.provider == "gemini")
    #expect(lock.lastHealth["openai"] == false)
  }

  @Test("a healthy monitor probe clears counted unavailable failures and the failed-probe count")
  func monitoredRecovery() {
    let lock = LockState(
      provider: "groq", acquiredAt: time, consecutiveFailures: 2, lastFailureClass: .unavailable, failedHealthChecks: 2,
      lastHealth: ["groq": false])
    let outcome = policy.apply(.monitored(HealthStatus(provider: "groq", healthy: true)), to: lock, at: time)
    #expect(outcome.lock.consecutiveFailures == 0)
    #expect(outcome.lock.lastFailureClass == nil)
    #expect(outcome.lock.failedHealthChecks == 0)
    #expect(outcome.events.map(\.type) == [.healthCheck])
    let quota = LockState(provider: "groq", acquiredAt: time, consecutiveFailures: 2, lastFailureClass: .quota)
    #expect(
      policy.apply(.monitored(HealthStatus(provider: "groq", healthy: true)), to: quota, at: time).lock
        .consecutiveFailures == 2)
  }

  @Test("steady health is not audited again; 0 health_failover_checks never fails over")
  func monitoredQuiet() {
    var lock = LockState(provider: "local", acquiredAt: time)
    var events = 0
    for _ in 0..<10 {
      let outcome = policy.apply(.monitored(HealthStatus(provider: "openai", healthy: true)), to: lock, at: time)
      lock = outcome.lock
      events += outcome.events.count
    }
    #expect(events == 1)
    #expect(lock.healthyStreaks["openai"] == 10)
    let patient = FailoverPolicy(order: ["openai", "local"], healthFailoverChecks: 0)
    var locked = LockState(provider: "openai", acquiredAt: time)
    for _ in 0..<10 {
      locked = patient.apply(.monitored(HealthStatus(provider: "openai", healthy: false)), to: locked, at: time).lock
    }
    #expect(locked.provider == "openai")
  }
}
