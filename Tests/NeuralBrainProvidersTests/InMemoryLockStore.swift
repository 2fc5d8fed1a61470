import NeuralBrainCore
import NeuralBrainProviders

/// The lock and audit trail in memory, for chain tests, with the same compare-and-swap as the
/// database. `interfere` runs after each audit append, so a test can change the lock by hand
/// in the middle of a run.
actor InMemoryLockStore: LockStore {
  private(set) var lock: LockState?
  private(set) var version = 0
  private(set) var audit: [AuditEvent] = []
  private var interfere: (@Sendable (InMemoryLockStore, [AuditEvent]) async -> Void)?

  init(lock: LockState? = nil) {
    self.lock = lock
    version = lock == nil ? 0 : 1
  }

  func interfering(_ body: @escaping @Sendable (InMemoryLockStore, [AuditEvent]) async -> Void) {
    interfere = body
  }

  func loadLock() async throws -> StoredLock? { lock.map { StoredLock(state: $0, version: version) } }

  func saveLock(_ state: LockState, replacing expected: Int?) async throws -> Int? {
    guard (lock == nil ? nil : version) == expected else { return nil }
    lock = state
    version += 1
    return version
  }

  /// A manual `lock acquire`: saved whatever the version.
  func overwrite(_ state: LockState) {
    lock = state
    version += 1
  }

  func appendAudit(_ events: [AuditEvent]) async throws {
    audit += events
    if let interfere { await interfere(self, events) }
  }
}
