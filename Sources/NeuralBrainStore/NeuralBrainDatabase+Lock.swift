import Foundation
import GRDB
import NeuralBrainCore

extension NeuralBrainDatabase {
  /// The persisted provider lock and its version, if any provider was ever locked.
  public func loadLock() throws(StoreError) -> StoredLock? {
    try read("read provider lock") { db in try LockRecord.fetchOne(db, key: 1)?.stored() }
  }

  /// Saves the lock whatever is stored (a manual change wins over a running batch) and appends
  /// audit events, in one transaction; returns the new version. Nil `state` deletes the lock.
  @discardableResult
  public func saveLock(_ state: LockState?, events: [AuditEvent], keep: Int = 1000) throws(StoreError) -> Int {
    try write("save provider lock") { db in
      let version = (try LockRecord.fetchOne(db, key: 1)?.version ?? 0) + 1
      if let state {
        try LockRecord(state, version: version).save(db)
      } else {
        try LockRecord.deleteAll(db)
      }
      try Self.append(events, keep: keep, in: db)
      return version
    }
  }

  /// Saves the lock only if the stored one is still at `version` (nil: none stored yet), with
  /// its audit events; returns the new version, or nil (and saves nothing) when the lock was
  /// changed meanwhile.
  public func saveLock(
    _ state: LockState, replacing version: Int?, events: [AuditEvent] = [], keep: Int = 1000
  ) throws(StoreError) -> Int? {
    try write("save provider lock") { db in
      let current = try LockRecord.fetchOne(db, key: 1)?.version
      guard current == version else { return nil }
      let next = (current ?? 0) + 1
      try LockRecord(state, version: next).save(db)
      try Self.append(events, keep: keep, in: db)
      return next
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

  /// Records health probe results, keeping the newest `keep` (a probe every 5 minutes of six
  /// providers is 1,700 rows a day).
  public func recordHealthChecks(_ checks: [HealthCheckRecord], keep: Int = 20_000) throws(StoreError) {
    try write("record health checks") { db in
      for var check in checks {
        check.id = nil
        try check.insert(db)
      }
      try db.execute(
        sql: "DELETE FROM health_check WHERE id NOT IN (SELECT id FROM health_check ORDER BY id DESC LIMIT ?)",
        arguments: [max(keep, 1)])
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
