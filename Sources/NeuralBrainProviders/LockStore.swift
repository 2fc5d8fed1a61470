import NeuralBrainCore

/// Where the provider lock and the audit trail persist (SQLite in production, in memory in tests).
public protocol LockStore: Sendable {
  func loadLock() async throws -> StoredLock?
  /// Saves `state` only if the stored lock is still at `version` (nil: no lock stored yet) and
  /// returns the new version; nil when someone else (a manual `lock acquire`) changed it first.
  func saveLock(_ state: LockState, replacing version: Int?) async throws -> Int?
  func appendAudit(_ events: [AuditEvent]) async throws
}
