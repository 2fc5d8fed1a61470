import NeuralBrainCore
import NeuralBrainProviders

/// The lock and audit trail in memory, for chain tests.
actor InMemoryLockStore: LockStore {
  private(set) var lock: LockState?
  private(set) var audit: [AuditEvent] = []

  init(lock: LockState? = nil) { self.lock = lock }

  func loadLock() async throws -> LockState? { lock }
  func saveLock(_ state: LockState) async throws { lock = state }
  func appendAudit(_ events: [AuditEvent]) async throws { audit += events }
}
