import Foundation
import GRDB
import NeuralBrainCore

extension NeuralBrainDatabase {
  /// The schema's history. Append only: never edit a migration that has shipped.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: ingests, observations, runs, forecasts") { db in
      try db.execute(
        sql: """
          CREATE TABLE ingest (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            source_url TEXT NOT NULL,
            content_sha256 TEXT,
            retrieved_at DATETIME NOT NULL,
            data_as_of TEXT NOT NULL,
            is_synthetic BOOLEAN NOT NULL,
            observations_changed INTEGER NOT NULL CHECK (observations_changed >= 0)
          );
          CREATE TABLE region (
            id TEXT PRIMARY KEY NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            population REAL CHECK (population IS NULL OR population > 0)
          );
          CREATE TABLE observation (
            region_id TEXT NOT NULL REFERENCES region(id),
            metric TEXT NOT NULL,
            date TEXT NOT NULL,
            as_of TEXT NOT NULL,
            value REAL CHECK (value IS NULL OR value >= 0),
            ingest_id INTEGER NOT NULL REFERENCES ingest(id),
            PRIMARY KEY (region_id, metric, date, as_of)
          );
          CREATE TABLE run (
            id TEXT PRIMARY KEY NOT NULL,
            started_at DATETIME NOT NULL,
            finished_at DATETIME,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
            source TEXT,
            data_as_of TEXT,
            provider TEXT,
            model TEXT,
            fallback_used BOOLEAN NOT NULL DEFAULT 0,
            regions INTEGER NOT NULL DEFAULT 0,
            release_path TEXT,
            error TEXT,
            summary TEXT,
            seed INTEGER NOT NULL
          );
          CREATE TABLE forecast (
            run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            region_id TEXT NOT NULL,
            metric TEXT NOT NULL,
            reference_date TEXT NOT NULL,
            horizon INTEGER NOT NULL,
            target_end_date TEXT NOT NULL,
            quantiles TEXT NOT NULL,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            PRIMARY KEY (run_id, region_id, metric, horizon)
          );
          CREATE INDEX forecast_target ON forecast(region_id, metric, target_end_date);
          CREATE TABLE published_region (
            run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            region_id TEXT NOT NULL,
            risk_level TEXT NOT NULL CHECK (risk_level IN ('GREEN', 'YELLOW', 'RED')),
            risk_score REAL NOT NULL,
            PRIMARY KEY (run_id, region_id)
          );
          """)
    }
    migrator.registerMigration("v2: provider lock, audit trail, health checks") { db in
      try db.execute(
        sql: """
          CREATE TABLE provider_lock (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            provider TEXT NOT NULL,
            acquired_at DATETIME NOT NULL,
            consecutive_failures INTEGER NOT NULL CHECK (consecutive_failures >= 0),
            last_failure_class TEXT,
            healthy_streaks TEXT NOT NULL
          );
          CREATE TABLE audit_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time DATETIME NOT NULL,
            type TEXT NOT NULL,
            provider TEXT,
            run_id TEXT,
            details TEXT NOT NULL
          );
          CREATE TABLE health_check (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time DATETIME NOT NULL,
            provider TEXT NOT NULL,
            healthy BOOLEAN NOT NULL,
            failure_class TEXT,
            http_status INTEGER,
            latency_ms INTEGER
          );
          """)
    }
    migrator.registerMigration("v3: forecast scores") { db in
      try db.execute(
        sql: """
          CREATE TABLE forecast_score (
            evaluation TEXT NOT NULL,
            model TEXT NOT NULL,
            region_id TEXT NOT NULL,
            reference_date TEXT NOT NULL,
            horizon INTEGER NOT NULL,
            target_end_date TEXT NOT NULL,
            observed REAL NOT NULL,
            wis REAL NOT NULL,
            absolute_error REAL NOT NULL,
            covered50 BOOLEAN NOT NULL,
            covered95 BOOLEAN NOT NULL,
            PRIMARY KEY (evaluation, model, region_id, reference_date, horizon)
          );
          """)
    }
    migrator.registerMigration("v4: lock version and health, abandoned runs, token usage, forecasts by reference date")
    { db in
      try db.execute(
        sql: """
          ALTER TABLE provider_lock ADD COLUMN failed_health_checks INTEGER NOT NULL DEFAULT 0
            CHECK (failed_health_checks >= 0);
          ALTER TABLE provider_lock ADD COLUMN last_health TEXT NOT NULL DEFAULT '{}';
          ALTER TABLE provider_lock ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
          CREATE TABLE run_v4 (
            id TEXT PRIMARY KEY NOT NULL,
            started_at DATETIME NOT NULL,
            finished_at DATETIME,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
            source TEXT,
            data_as_of TEXT,
            provider TEXT,
            model TEXT,
            fallback_used BOOLEAN NOT NULL DEFAULT 0,
            regions INTEGER NOT NULL DEFAULT 0,
            release_path TEXT,
            error TEXT,
            summary TEXT,
            seed INTEGER NOT NULL,
            requests INTEGER CHECK (requests IS NULL OR requests >= 0),
            prompt_tokens INTEGER CHECK (prompt_tokens IS NULL OR prompt_tokens >= 0),
            completion_tokens INTEGER CHECK (completion_tokens IS NULL OR completion_tokens >= 0)
          );
          INSERT INTO run_v4 (id, started_at, finished_at, status, source, data_as_of, provider, model,
            fallback_used, regions, release_path, error, summary, seed)
            SELECT id, started_at, finished_at, status, source, data_as_of, provider, model,
              fallback_used, regions, release_path, error, summary, seed FROM run;
          DROP TABLE run;
          ALTER TABLE run_v4 RENAME TO run;
          CREATE INDEX forecast_reference ON forecast(region_id, metric, reference_date, horizon);
          """)
    }
    migrator.registerMigration("v5: what a run's release and pages were made from, and releases reused unchanged") {
      db in
      try db.execute(
        sql: """
          ALTER TABLE run ADD COLUMN input_digest TEXT CHECK (input_digest IS NULL OR length(input_digest) = 64);
          ALTER TABLE run ADD COLUMN reused_from TEXT REFERENCES run(id);
          CREATE TABLE page_key (
            run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            page TEXT NOT NULL,
            key TEXT NOT NULL CHECK (length(key) = 64),
            PRIMARY KEY (run_id, page)
          );
          """)
    }
    // A rowid table with a composite primary key writes every observation twice (the table and
    // the key's index); without rowid the key is the table: half the writes of a 300,000-row ingest.
    migrator.registerMigration("v6: observations keyed without rowid") { db in
      try db.execute(
        sql: """
          CREATE TABLE observation_v6 (
            region_id TEXT NOT NULL REFERENCES region(id),
            metric TEXT NOT NULL,
            date TEXT NOT NULL,
            as_of TEXT NOT NULL,
            value REAL CHECK (value IS NULL OR value >= 0),
            ingest_id INTEGER NOT NULL REFERENCES ingest(id),
            PRIMARY KEY (region_id, metric, date, as_of)
          ) WITHOUT ROWID;
          INSERT INTO observation_v6 (region_id, metric, date, as_of, value, ingest_id)
            SELECT region_id, metric, date, as_of, value, ingest_id FROM observation;
          DROP TABLE observation;
          ALTER TABLE observation_v6 RENAME TO observation;
          """)
    }
    // A vintage of a series is written and read whole: one row per series and vintage (its
    // changed values packed, `VintageChanges`) instead of one per value — 20,000 rows instead of
    // four million for a daily data set of 10,000 regions.
    migrator.registerMigration("v7: observations stored per series and vintage") { db in
      try db.execute(
        sql: """
          CREATE TABLE observation_vintage (
            region_id TEXT NOT NULL REFERENCES region(id),
            metric TEXT NOT NULL,
            as_of TEXT NOT NULL,
            ingest_id INTEGER NOT NULL REFERENCES ingest(id),
            changes BLOB NOT NULL CHECK (length(changes) % 12 = 0),
            PRIMARY KEY (region_id, metric, as_of)
          ) WITHOUT ROWID;
          """)
      let save = try db.makeStatement(
        sql: "INSERT INTO observation_vintage (region_id, metric, as_of, ingest_id, changes) VALUES (?, ?, ?, ?, ?)")
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT region_id, metric, as_of, date, value, ingest_id FROM observation
          ORDER BY region_id, metric, as_of, date
          """)
      var group: (regionID: String, metric: String, asOf: String)?
      var vintage = VintageChanges()
      var ingestID: Int64 = 0
      func flush() throws {
        guard let group else { return }
        try save.execute(arguments: [group.regionID, group.metric, group.asOf, ingestID, vintage.column])
      }
      while let row = try rows.next() {
        let key = (regionID: row[0] as String, metric: row[1] as String, asOf: row[2] as String)
        if group.map({ $0 != key }) ?? true {
          try flush()
          group = key
          vintage = VintageChanges()
          ingestID = 0
        }
        guard let day = Day(iso: row[3] as String) else { continue }
        vintage.values[day.ordinal] = .some(row[4] as Double?)
        ingestID = max(ingestID, row[5])
      }
      try flush()
      try db.execute(sql: "DROP TABLE observation")
    }
    // A run's forecast of a series is written and read whole: one row per series (its horizons
    // packed, `HorizonsColumn`) instead of one per horizon — 20,000 rows instead of 560,000 for a
    // daily run of 10,000 regions, and its indexes a twenty-eighth of their size.
    migrator.registerMigration("v8: forecasts stored per series") { db in
      try db.execute(
        sql: """
          CREATE TABLE forecast_series (
            run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            region_id TEXT NOT NULL,
            metric TEXT NOT NULL,
            reference_date TEXT NOT NULL,
            first_target_end_date TEXT NOT NULL,
            horizons BLOB NOT NULL,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            PRIMARY KEY (run_id, region_id, metric)
          );
          CREATE INDEX forecast_series_reference ON forecast_series(region_id, metric, reference_date);
          """)
      let save = try db.makeStatement(sql: ForecastSeriesRecord.insertSQL)
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT run_id, region_id, metric, reference_date, horizon, target_end_date, quantiles, provider, model
          FROM forecast ORDER BY run_id, region_id, metric, horizon
          """)
      var series: ForecastSeriesRecord?
      var horizons: [HorizonForecast] = []
      func flush() throws {
        guard var series, let first = horizons.map(\.targetEndDate).min() else { return }
        series.firstTargetEndDate = first.iso
        series.horizons = HorizonsColumn.column(horizons)
        try save.execute(arguments: series.insertArguments)
      }
      while let row = try rows.next() {
        let key = (runID: row[0] as String, regionID: row[1] as String, metric: row[2] as String)
        if series.map({ ($0.runID, $0.regionID, $0.metric) != key }) ?? true {
          try flush()
          series = ForecastSeriesRecord(
            runID: key.runID, regionID: key.regionID, metric: key.metric, referenceDate: row[3],
            firstTargetEndDate: "", horizons: Data(), provider: row[7], model: row[8])
          horizons = []
        }
        // A horizon version 7 could not read back is left behind, as it was skipped then.
        let (date, text): (String, String) = (row[5], row[6])
        guard let end = Day(iso: date), let quantiles = HorizonsColumn.values(Substring(text).utf8) else { continue }
        horizons.append(HorizonForecast(horizon: row[4], targetEndDate: end, quantiles: quantiles))
      }
      try flush()
      try db.execute(sql: "DROP TABLE forecast")
    }
    return migrator
  }
}
