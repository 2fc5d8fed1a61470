import Foundation
import GRDB
import NeuralBrainCore

extension NeuralBrainDatabase {
  /// Records that a run started.
  public func startRun(_ run: RunRecord) throws(StoreError) {
    try write("start run") { db in try run.insert(db) }
  }

  /// Marks every run still recorded as running as abandoned: called by the next run while it
  /// holds the run lock, so no process of theirs is alive. Returns their ids.
  @discardableResult
  public func abandonRunningRuns(at time: Date) throws(StoreError) -> [String] {
    try write("mark abandoned runs") { db in
      let ids = try String.fetchAll(db, sql: "SELECT id FROM run WHERE status = 'running' ORDER BY id")
      try db.execute(
        sql: """
          UPDATE run SET status = 'abandoned', finished_at = ?,
            error = 'the process ended before the run recorded how it ended (killed or crashed)'
          WHERE status = 'running'
          """, arguments: [time])
      return ids
    }
  }

  /// Records how a run ended.
  public func finishRun(_ run: RunRecord) throws(StoreError) {
    try write("finish run") { db in try run.update(db) }
  }

  /// One run's record.
  public func run(id: String) throws(StoreError) -> RunRecord? {
    try read("read run") { db in try RunRecord.fetchOne(db, key: id) }
  }

  /// The most recent runs, newest first.
  public func runs(limit: Int = 20) throws(StoreError) -> [RunRecord] {
    try read("read runs") { db in
      try RunRecord.order(Column("started_at").desc, Column("id").desc).limit(limit).fetchAll(db)
    }
  }

  /// The newest run that published a release.
  public func lastSuccessfulRun() throws(StoreError) -> RunRecord? {
    try read("read last successful run") { db in
      try RunRecord.filter(Column("status") == RunRecord.Status.succeeded.rawValue)
        .order(Column("finished_at").desc, Column("id").desc).fetchOne(db)
    }
  }

  /// Stores every quantile of a run's forecasts and its published risk levels, in one transaction.
  public func saveForecasts(
    runID: String, provider: String, model: String, forecasts: [SeriesForecast],
    published: [ForecastData]
  ) throws(StoreError) {
    try write("save forecasts") { db in
      let insert = try db.cachedStatement(sql: ForecastSeriesRecord.insertSQL)
      // A batch of rows formatted on every core, then written: memory holds one batch, not a
      // run's 100 MB of packed horizons.
      for start in stride(from: 0, to: forecasts.count, by: 512) {
        let rows = forecasts[start..<min(start + 512, forecasts.count)].concurrentMap { forecast in
          ForecastSeriesRecord(
            runID: runID, regionID: forecast.regionID, metric: forecast.metric.rawValue,
            referenceDate: forecast.referenceDate.iso,
            firstTargetEndDate: (forecast.horizons.map(\.targetEndDate).min() ?? forecast.referenceDate).iso,
            horizons: HorizonsColumn.column(forecast.horizons), provider: provider, model: model)
        }
        for row in rows { try insert.execute(arguments: row.insertArguments) }
      }
      for data in published {
        try PublishedRegionRecord(
          runID: runID, regionID: data.regionID, riskLevel: data.riskLevel.rawValue,
          riskScore: data.riskScore
        ).insert(db)
      }
    }
  }

  /// Risk levels published by a run, by region id.
  public func riskLevels(runID: String) throws(StoreError) -> [String: RiskLevel] {
    try read("read risk levels") { db in
      var out: [String: RiskLevel] = [:]
      for record in try PublishedRegionRecord.filter(Column("run_id") == runID).fetchAll(db) {
        out[record.regionID] = RiskLevel(rawValue: record.riskLevel)
      }
      return out
    }
  }

  /// Stored forecasts of succeeded runs whose target end date is on or before `day` (and whose
  /// reference date is on or after `since`, when given): for each model, region, metric,
  /// reference date and horizon the one published last, so that several runs on one day (an
  /// hourly schedule) count as one forecast, as the hubs score them. Each is issued by
  /// `provider/model` and targets its metric's raw value.
  public func forecasts(endingOnOrBefore day: Day, issuedSince since: Day? = nil) throws(StoreError)
    -> [IssuedForecast]
  {
    try read("read stored forecasts") { db in
      // A later run's forecast of the same series, reference date and model replaces it whole.
      let records = try ForecastSeriesRecord.fetchAll(
        db,
        sql: """
          SELECT f.* FROM forecast_series f JOIN run r ON r.id = f.run_id
          WHERE r.status = 'succeeded' AND f.first_target_end_date <= ? AND f.reference_date >= ?
          AND NOT EXISTS (
            SELECT 1 FROM forecast_series later JOIN run lr ON lr.id = later.run_id
            WHERE lr.status = 'succeeded' AND later.region_id = f.region_id AND later.metric = f.metric
              AND later.reference_date = f.reference_date
              AND later.provider = f.provider AND later.model = f.model
              AND (lr.started_at > r.started_at OR (lr.started_at = r.started_at AND lr.id > r.id)))
          ORDER BY f.run_id, f.region_id, f.metric
          """, arguments: [day.iso, since?.iso ?? ""])
      return records.flatMap { record -> [IssuedForecast] in
        guard Metric(rawValue: record.metric) != nil, let reference = Day(iso: record.referenceDate),
          let horizons = HorizonsColumn.horizons(record.horizons)
        else { return [] }
        return horizons.sorted { $0.horizon < $1.horizon }.filter { $0.targetEndDate <= day }.map { horizon in
          IssuedForecast(
            model: record.provider + "/" + record.model, regionID: record.regionID, target: record.metric,
            referenceDate: reference, forecast: horizon)
        }
      }
    }
  }

  /// Replaces the scores of one evaluation.
  public func replaceScores(evaluation: String, with scores: [ScoredForecast]) throws(StoreError) {
    try write("save scores") { db in
      try ScoreRecord.filter(Column("evaluation") == evaluation).deleteAll(db)
      for score in scores { try ScoreRecord(evaluation: evaluation, score).insert(db) }
    }
  }

  /// The scores of one evaluation (rows whose dates do not parse are skipped).
  public func scores(evaluation: String) throws(StoreError) -> [ScoredForecast] {
    try read("read scores") { db in
      try ScoreRecord.filter(Column("evaluation") == evaluation)
        .order(Column("model"), Column("reference_date"), Column("region_id"), Column("horizon"))
        .fetchAll(db).compactMap(\.scored)
    }
  }
}
