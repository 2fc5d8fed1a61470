import NeuralBrainCore
import NeuralBrainProviders
import NeuralBrainStore

/// The provider chain's `LockStore`, persisted in the state database.
struct DatabaseLockStore: LockStore {
  let database: NeuralBrainDatabase
  /// How many audit events to keep.
  let keep: Int

  func loadLock() async throws -> StoredLock? { try database.loadLock() }

  func saveLock(_ state: LockState, replacing version: Int?) async throws -> Int? {
    try database.saveLock(state, replacing: version, keep: keep)
  }

  func appendAudit(_ events: [AuditEvent]) async throws { try database.appendAudit(events, keep: keep) }
}
