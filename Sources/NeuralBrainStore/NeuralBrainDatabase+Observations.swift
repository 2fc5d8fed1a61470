import Foundation
import GRDB
import NeuralBrainCore

/// What one ingest changed.
public struct IngestSummary: Hashable, Sendable {
  /// Observations whose value was new or different from the latest stored vintage.
  public var observationsChanged: Int
  /// True when an identical content hash had already been ingested: nothing was written.
  public var wasDuplicate: Bool
}

extension NeuralBrainDatabase {
  /// Stores a data set's observations as a new vintage (`as_of` = its data-as-of date).
  ///
  /// Only values that differ from the latest known vintage are written, so re-ingesting the same
  /// data is a no-op and revisions keep their history. One transaction; rows go through one
  /// prepared statement, since an ingest can hold hundreds of thousands of them.
  @discardableResult
  public func recordIngest(_ dataset: Dataset) throws(StoreError) -> IngestSummary {
    try write("record ingest") { db in
      let provenance = dataset.provenance
      if let hash = provenance.contentSHA256,
        try IngestRecord.filter(Column("content_sha256") == hash)
          .filter(Column("source_url") == provenance.sourceURL).fetchCount(db) > 0
      {
        return IngestSummary(observationsChanged: 0, wasDuplicate: true)
      }
      for region in dataset.regions { try RegionRecord(region).save(db) }
      var ingest = IngestRecord(
        id: nil, source: provenance.source, sourceURL: provenance.sourceURL,
        contentSHA256: provenance.contentSHA256, retrievedAt: provenance.retrievedAt,
        dataAsOf: provenance.dataAsOf.iso, isSynthetic: provenance.isSynthetic,
        observationsChanged: 0)
      try ingest.insert(db)
      guard let ingestID = ingest.id else { return IngestSummary(observationsChanged: 0, wasDuplicate: false) }
      let asOf = provenance.dataAsOf.iso
      let latest = try db.makeStatement(
        sql: """
          SELECT date, value FROM observation
          WHERE region_id = ? AND metric = ? AND as_of <= ?
          ORDER BY date, as_of
          """)
      let insert = try db.cachedStatement(
        sql: """
          INSERT OR REPLACE INTO observation (region_id, metric, date, as_of, value, ingest_id)
          VALUES (?, ?, ?, ?, ?, ?)
          """)
      var changed = 0
      for series in dataset.series {
        var known: [String: Double?] = [:]
        let rows = try Row.fetchCursor(latest, arguments: [series.region.id, series.metric.rawValue, asOf])
        while let row = try rows.next() { known[row[0]] = .some(row[1]) }
        for (index, value) in series.values.enumerated() {
          let date = series.date(at: index).iso
          if let previous = known[date] {
            if previous == value { continue }
          } else if value == nil {
            continue
          }
          try insert.execute(arguments: [series.region.id, series.metric.rawValue, date, asOf, value, ingestID])
          changed += 1
        }
      }
      ingest.observationsChanged = changed
      try ingest.update(db)
      return IngestSummary(observationsChanged: changed, wasDuplicate: false)
    }
  }

  /// The value of every stored (region, metric, date) as it was known on `asOf`
  /// (the latest vintage on or before it); the newest vintage when `asOf` is nil.
  public func observations(asOf: Day? = nil) throws(StoreError) -> [ObservationKey: Double] {
    try read("read observations") { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT o.region_id, o.metric, o.date, o.value FROM observation o
          JOIN (SELECT region_id, metric, date, MAX(as_of) AS as_of FROM observation
                WHERE as_of <= ? GROUP BY region_id, metric, date) latest
          USING (region_id, metric, date, as_of)
          WHERE o.value IS NOT NULL
          """, arguments: [asOf?.iso ?? "9999-12-31"])
      var out: [ObservationKey: Double] = [:]
      for row in rows {
        guard let metric = Metric(rawValue: row[1]), let date = Day(iso: row[2] as String) else {
          continue
        }
        out[ObservationKey(regionID: row[0], metric: metric, date: date)] = row[3]
      }
      return out
    }
  }

  /// The distinct as-of dates stored (the vintages), oldest first.
  public func vintages() throws(StoreError) -> [Day] {
    try read("read vintages") { db in
      try String.fetchAll(db, sql: "SELECT DISTINCT as_of FROM observation ORDER BY as_of")
        .compactMap { Day(iso: $0) }
    }
  }
}

/// Identifies one observed value.
public struct ObservationKey: Hashable, Sendable {
  public var regionID: String
  public var metric: Metric
  public var date: Day

  public init(regionID: String, metric: Metric, date: Day) {
    self.regionID = regionID
    self.metric = metric
    self.date = date
  }
}
