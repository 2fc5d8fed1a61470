import Foundation
import GRDB
import NeuralBrainCore
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainStore

@Suite("State database")
struct NeuralBrainDatabaseTests {
  static let region = Region(code: "01", name: "Alabama", population: 5_000_000)
  static let start = Day(iso: "2024-01-06")!

  static func dataset(values: [Double?], asOf: Day, hash: String?) -> Dataset {
    Dataset(
      provenance: Provenance(
        source: "hub", sourceURL: "target.csv", retrievedAt: Date(timeIntervalSince1970: 1_700_000_000),
        dataAsOf: asOf, contentSHA256: hash),
      frequency: .weekly, regions: [region],
      series: [
        IncidentSeries(region: region, metric: .hospitalizations, frequency: .weekly, start: start, values: values)
      ])
  }

  @Test("migrates an empty database to the latest schema")
  func migrates() throws {
    let db = try NeuralBrainDatabase.inMemory()
    #expect(try db.appliedMigrations().count == 8)
  }

  @Test("reopening an existing database keeps its data")
  func reopens() throws {
    let directory = try TemporaryDirectory()
    do {
      let db = try NeuralBrainDatabase.open(directory: directory.url)
      try db.recordIngest(Self.dataset(values: [1, 2], asOf: Self.start.adding(days: 7), hash: "a"))
    }
    let again = try NeuralBrainDatabase.open(directory: directory.url)
    #expect(try again.observations().count == 2)
    #expect(try again.appliedMigrations().count == 8)
  }

  @Test("re-ingesting the same data is a no-op; revisions keep their history")
  func vintages() throws {
    let db = try NeuralBrainDatabase.inMemory()
    let first = Self.start.adding(days: 7)
    let second = Self.start.adding(days: 14)
    #expect(try db.recordIngest(Self.dataset(values: [10, 20], asOf: first, hash: "h1")).observationsChanged == 2)
    #expect(try db.recordIngest(Self.dataset(values: [10, 20], asOf: first, hash: "h1")).wasDuplicate)
    // Same values under a new vintage without a hash: nothing changed.
    #expect(try db.recordIngest(Self.dataset(values: [10, 20], asOf: first, hash: nil)).observationsChanged == 0)
    // A revision of week 2 and a new week 3.
    #expect(try db.recordIngest(Self.dataset(values: [10, 25, 30], asOf: second, hash: "h2")).observationsChanged == 2)
    let week2 = ObservationKey(regionID: "01", metric: .hospitalizations, date: Self.start.adding(days: 7))
    #expect(try db.observations(asOf: first)[week2] == 20)
    #expect(try db.observations(asOf: second)[week2] == 25)
    #expect(try db.observations()[week2] == 25)
    #expect(try db.vintages() == [first, second])
  }

  @Test("a same-day re-ingest amends its vintage; a withdrawn value is no longer observed")
  func sameDayAmendment() throws {
    let db = try NeuralBrainDatabase.inMemory()
    let first = Self.start.adding(days: 14)
    let second = Self.start.adding(days: 21)
    #expect(try db.recordIngest(Self.dataset(values: [10, 20, 30], asOf: first, hash: "a")).observationsChanged == 3)
    // The same day's data again, corrected: one value revised, one withdrawn.
    #expect(try db.recordIngest(Self.dataset(values: [10, 21, nil], asOf: first, hash: "b")).observationsChanged == 2)
    #expect(try db.recordIngest(Self.dataset(values: [10, 21, 31], asOf: second, hash: "c")).observationsChanged == 1)
    let key = { (week: Int) in
      ObservationKey(regionID: "01", metric: .hospitalizations, date: Self.start.adding(days: 7 * week))
    }
    let onFirst = try db.observations(asOf: first)
    #expect(onFirst.count == 2)
    #expect(onFirst[key(1)] == 21)
    #expect(onFirst[key(2)] == nil)
    #expect(try db.observations(asOf: second)[key(2)] == 31)
    #expect(try db.vintages() == [first, second])
  }

  @Test("migration v7 packs every value of a version 6 database into vintages, keeping its history")
  func migratesValueRows() throws {
    let queue = try DatabaseQueue()
    try NeuralBrainDatabase.migrator.migrate(queue, upTo: "v6: observations keyed without rowid")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO ingest (id, source, source_url, retrieved_at, data_as_of, is_synthetic, observations_changed)
            VALUES (1, 'hub', 'a.csv', '2024-01-20 00:00:00', '2024-01-20', 0, 2),
                   (2, 'hub', 'a.csv', '2024-01-27 00:00:00', '2024-01-27', 0, 2);
          INSERT INTO region (id, code, name, population) VALUES ('01', '01', 'Alabama', 5000000);
          INSERT INTO observation (region_id, metric, date, as_of, value, ingest_id) VALUES
            ('01', 'hospital_admissions', '2024-01-06', '2024-01-20', 10, 1),
            ('01', 'hospital_admissions', '2024-01-13', '2024-01-20', 20, 1),
            ('01', 'hospital_admissions', '2024-01-13', '2024-01-27', NULL, 2),
            ('01', 'hospital_admissions', '2024-01-20', '2024-01-27', 30.5, 2);
          """)
    }
    let db = try NeuralBrainDatabase(writer: queue)
    #expect(try db.appliedMigrations().count == 8)
    let week = { (days: Int) in
      ObservationKey(regionID: "01", metric: .hospitalizations, date: Self.start.adding(days: days))
    }
    #expect(try db.observations(asOf: Day(iso: "2024-01-20")) == [week(0): 10, week(7): 20])
    #expect(try db.observations() == [week(0): 10, week(14): 30.5])
    #expect(try db.vintages() == [Day(iso: "2024-01-20")!, Day(iso: "2024-01-27")!])
    let tables = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    #expect(!tables.contains("observation"))
  }

  @Test("migration v8 packs a version 7 database's forecast horizons into one row per series, readable as before")
  func migratesForecastRows() throws {
    let queue = try DatabaseQueue()
    try NeuralBrainDatabase.migrator.migrate(queue, upTo: "v7: observations stored per series and vintage")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO run (id, started_at, status, source, seed) VALUES
            ('r1', '2024-01-20 06:00:00', 'succeeded', 'hub', 7),
            ('r2', '2024-01-20 07:00:00', 'succeeded', 'hub', 7);
          INSERT INTO forecast (run_id, region_id, metric, reference_date, horizon, target_end_date, quantiles,
                                provider, model) VALUES
            ('r1', '01', 'hospital_admissions', '2024-01-20', 1, '2024-01-27', '[1,2]', 'local', 'm'),
            ('r1', '01', 'hospital_admissions', '2024-01-20', 0, '2024-01-20', '[0.5,1]', 'local', 'm'),
            ('r1', '02', 'hospital_admissions', '2024-01-20', 0, '2024-01-20', '[3,4]', 'local', 'm'),
            ('r2', '02', 'hospital_admissions', '2024-01-20', 0, '2024-01-20', '[5,6]', 'local', 'm');
          """)
    }
    let db = try NeuralBrainDatabase(writer: queue)
    #expect(try db.appliedMigrations().count == 8)
    let stored = try db.forecasts(endingOnOrBefore: Day(iso: "2024-01-27")!)
    #expect(stored.map(\.regionID) == ["01", "01", "02"], "r1's two horizons of 01, r2's forecast of 02")
    #expect(stored.map(\.forecast.horizon) == [0, 1, 0])
    #expect(stored.map(\.forecast.quantiles) == [[0.5, 1], [1, 2], [5, 6]])
    #expect(stored.map(\.forecast.targetEndDate) == ["2024-01-20", "2024-01-27", "2024-01-20"].map { Day(iso: $0)! })
    #expect(try db.forecasts(endingOnOrBefore: Day(iso: "2024-01-20")!).map(\.forecast.horizon) == [0, 0])
    let tables = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    #expect(!tables.contains("forecast"))
    #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM forecast_series") } == 3)
  }

  @Test("the lock and audit trail persist, keeping the newest events")
  func lockAndAudit() throws {
    let db = try NeuralBrainDatabase.inMemory()
    #expect(try db.loadLock() == nil)
    let time = Date(timeIntervalSince1970: 1_700_000_000)
    let state = LockState(
      provider: "groq", acquiredAt: time, consecutiveFailures: 2, lastFailureClass: .quota,
      healthyStreaks: ["openai": 1], failedHealthChecks: 1, lastHealth: ["openai": true, "groq": false])
    let events = (0..<5).map {
      AuditEvent(time: time, type: .failureRecorded, provider: "groq", details: ["n": "\($0)"])
    }
    try db.saveLock(state, events: events, keep: 3)
    #expect(try db.loadLock() == StoredLock(state: state, version: 1))
    let trail = try db.auditEvents(limit: 10)
    #expect(trail.map { $0.details["n"] } == ["4", "3", "2"])
  }

  @Test("a lock save against an old version is refused and changes nothing")
  func lockCompareAndSwap() throws {
    let db = try NeuralBrainDatabase.inMemory()
    let time = Date(timeIntervalSince1970: 1_700_000_000)
    let first = try #require(try db.saveLock(LockState(provider: "openai", acquiredAt: time), replacing: nil))
    #expect(try db.saveLock(LockState(provider: "gemini", acquiredAt: time), replacing: nil) == nil)
    let manual = try db.saveLock(LockState(provider: "groq", acquiredAt: time), events: [])
    #expect(manual == first + 1)
    let refused = try db.saveLock(
      LockState(provider: "gemini", acquiredAt: time), replacing: first,
      events: [AuditEvent(time: time, type: .failover, provider: "openai")])
    #expect(refused == nil)
    #expect(try db.loadLock()?.state.provider == "groq")
    #expect(try db.auditEvents(limit: 10).isEmpty)
    #expect(try db.saveLock(LockState(provider: "local", acquiredAt: time), replacing: manual) == manual + 1)
  }

  @Test("runs still recorded as running are marked abandoned")
  func abandonedRuns() throws {
    let db = try NeuralBrainDatabase.inMemory()
    try db.startRun(RunRecord(id: "r1", startedAt: Date(timeIntervalSince1970: 0), seed: 1))
    var done = RunRecord(id: "r2", startedAt: Date(timeIntervalSince1970: 10), seed: 1)
    try db.startRun(done)
    done.status = .succeeded
    try db.finishRun(done)
    #expect(try db.abandonRunningRuns(at: Date(timeIntervalSince1970: 20)) == ["r1"])
    let runs = try db.runs()
    #expect(runs.first { $0.id == "r1" }?.status == .abandoned)
    #expect(runs.first { $0.id == "r2" }?.status == .succeeded)
    #expect(try db.abandonRunningRuns(at: Date(timeIntervalSince1970: 30)).isEmpty)
  }

  @Test("runs, forecasts and risk levels round-trip")
  func runs() throws {
    let db = try NeuralBrainDatabase.inMemory()
    var run = RunRecord(id: "r1", startedAt: Date(timeIntervalSince1970: 0), seed: 7)
    try db.startRun(run)
    let horizon = HorizonForecast(horizon: 0, targetEndDate: Self.start, quantiles: QuantileLevels.hub.map { $0 * 10 })
    try db.saveForecasts(
      runID: "r1", provider: "local", model: "m",
      forecasts: [
        SeriesForecast(regionID: "01", metric: .hospitalizations, referenceDate: Self.start, horizons: [horizon])
      ],
      published: [])
    run.status = .succeeded
    run.finishedAt = Date(timeIntervalSince1970: 10)
    try db.finishRun(run)
    #expect(try db.lastSuccessfulRun()?.id == "r1")
    let stored = try db.forecasts(endingOnOrBefore: Self.start)
    #expect(stored.count == 1)
    #expect(stored.first?.forecast == horizon)
    #expect(stored.first?.model == "local/m")
    #expect(stored.first?.target == Metric.hospitalizations.rawValue)
    #expect(try db.forecasts(endingOnOrBefore: Self.start.adding(days: -1)).isEmpty)
    #expect(try db.forecasts(endingOnOrBefore: Self.start, issuedSince: Self.start).count == 1)
    #expect(try db.forecasts(endingOnOrBefore: Self.start, issuedSince: Self.start.adding(days: 1)).isEmpty)
  }

  @Test("several runs forecasting the same reference date count once: the one published last")
  func sameDayReruns() throws {
    let db = try NeuralBrainDatabase.inMemory()
    for (hour, median) in [(6, 10.0), (7, 20.0), (8, 30.0)] {
      var run = RunRecord(id: "r\(hour)", startedAt: Date(timeIntervalSince1970: Double(hour) * 3600), seed: 7)
      try db.startRun(run)
      let horizon = HorizonForecast(
        horizon: 0, targetEndDate: Self.start, quantiles: QuantileLevels.hub.map { _ in median })
      try db.saveForecasts(
        runID: run.id, provider: "local", model: "m",
        forecasts: [
          SeriesForecast(regionID: "01", metric: .hospitalizations, referenceDate: Self.start, horizons: [horizon])
        ],
        published: [])
      run.status = hour == 8 ? .failed : .succeeded
      try db.finishRun(run)
    }
    let stored = try db.forecasts(endingOnOrBefore: Self.start)
    #expect(stored.count == 1)
    #expect(stored.first?.forecast.median == 20, "r7's: r8 failed, r6 came before")
  }
}
