import NeuralBrainCore

/// Where the provider lock and the audit trail persist (SQLite in production, in memory in tests).
public protocol LockStore: Sendable {
  func loadLock() async throws -> LockState?
  func saveLock(_ state: LockState) async throws
  func appendAudit(_ events: [AuditEvent]) async throws
}
