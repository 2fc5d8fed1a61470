import Foundation
import GRDB
import NeuralBrainCore

extension NeuralBrainDatabase {
  /// The persisted provider lock, if any provider was ever locked.
  public func loadLock() throws(StoreError) -> LockState? {
    try read("read provider lock") { db in
      guard let record = try LockRecord.fetchOne(db, key: 1) else { return nil }
      return LockState(
        provider: record.provider, acquiredAt: record.acquiredAt,
        consecutiveFailures: record.consecutiveFailures,
        lastFailureClass: record.lastFailureClass.flatMap(FailureClass.init(rawValue:)),
        healthyStreaks: try Self.decode([String: Int].self, json: record.healthyStreaks))
    }
  }

  /// Saves the lock and appends audit events in one transaction, keeping the newest `keep`.
  public func saveLock(_ state: LockState?, events: [AuditEvent], keep: Int = 1000) throws(StoreError) {
    try write("save provider lock") { db in
      if let state {
        try LockRecord(
          provider: state.provider, acquiredAt: state.acquiredAt,
          consecutiveFailures: state.consecutiveFailures,
          lastFailureClass: state.lastFailureClass?.rawValue,
          healthyStreaks: try Self.json(state.healthyStreaks)
        ).save(db)
      } else {
        try LockRecord.deleteAll(db)
      }
      try Self.append(events, keep: keep, in: db)
    }
  }

  /// Appends audit events, keeping the newest `keep`.
  public func appendAudit(_ events: [AuditEvent], keep: Int = 1000) throws(StoreError) {
    try write("append audit events") { db in try Self.append(events, keep: keep, in: db) }
  }

  /// The newest audit events, newest first.
  public func auditEvents(limit: Int = 50) throws(StoreError) -> [AuditEvent] {
    try read("read audit trail") { db in
      try AuditRecord.order(Column("id").desc).limit(limit).fetchAll(db).compactMap { record in
        guard let type = AuditEventType(rawValue: record.type) else { return nil }
        return AuditEvent(
          time: record.time, type: type, provider: record.provider, runID: record.runID,
          details: try Self.decode([String: String].self, json: record.details))
      }
    }
  }

  /// Records health probe results.
  public func recordHealthChecks(_ checks: [HealthCheckRecord]) throws(StoreError) {
    try write("record health checks") { db in
      for var check in checks {
        check.id = nil
        try check.insert(db)
      }
    }
  }

  /// The newest health checks, newest first.
  public func healthChecks(limit: Int = 50) throws(StoreError) -> [HealthCheckRecord] {
    try read("read health checks") { db in
      try HealthCheckRecord.order(Column("id").desc).limit(limit).fetchAll(db)
    }
  }

  static func append(_ events: [AuditEvent], keep: Int, in db: Database) throws {
    for event in events {
      try AuditRecord(
        id: nil, time: event.time, type: event.type.rawValue, provider: event.provider,
        runID: event.runID, details: try json(event.details)
      ).insert(db)
    }
    try db.execute(
      sql: """
        DELETE FROM audit_event WHERE id NOT IN
        (SELECT id FROM audit_event ORDER BY id DESC LIMIT ?)
        """, arguments: [max(keep, 1)])
  }
}
