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
  /// data is a no-op and revisions keep their history. One transaction; one row per series that
  /// changed (`VintageChanges`), through one prepared statement.
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
      let earlier = try db.cachedStatement(
        sql: """
          SELECT as_of, changes FROM observation_vintage
          WHERE region_id = ? AND metric = ? AND as_of <= ?
          ORDER BY as_of
          """)
      let save = try db.cachedStatement(
        sql: """
          INSERT OR REPLACE INTO observation_vintage (region_id, metric, as_of, ingest_id, changes)
          VALUES (?, ?, ?, ?, ?)
          """)
      var changed = 0
      for series in dataset.series {
        // What was known on `asOf`, and what an earlier ingest of the same day already changed.
        var known: [Int: Double?] = [:]
        var vintage = VintageChanges()
        let rows = try Row.fetchCursor(earlier, arguments: [series.region.id, series.metric.rawValue, asOf])
        while let row = try rows.next() {
          let changes = try VintageChanges(column: row[1])
          known.merge(changes.values) { _, newer in newer }
          if row[0] == asOf { vintage = changes }
        }
        let before = vintage
        for (index, value) in series.values.enumerated() {
          let ordinal = series.date(at: index).ordinal
          if let previous = known[ordinal] {
            if previous == value { continue }
          } else if value == nil {
            continue
          }
          vintage.values[ordinal] = .some(value)
          changed += 1
        }
        if vintage != before {
          try save.execute(arguments: [series.region.id, series.metric.rawValue, asOf, ingestID, vintage.column])
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
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT region_id, metric, changes FROM observation_vintage
          WHERE as_of <= ? ORDER BY region_id, metric, as_of
          """, arguments: [asOf?.iso ?? "9999-12-31"])
      var out: [ObservationKey: Double] = [:]
      var series: (regionID: String, metric: String)?
      var known: [Int: Double?] = [:]
      func flush() {
        guard let (regionID, name) = series, let metric = Metric(rawValue: name) else { return }
        for case let (ordinal, value?) in known {
          out[ObservationKey(regionID: regionID, metric: metric, date: Day(ordinal: ordinal))] = value
        }
      }
      while let row = try rows.next() {
        let regionID: String = row[0]
        let metric: String = row[1]
        if series?.regionID != regionID || series?.metric != metric {
          flush()
          series = (regionID, metric)
          known = [:]
        }
        known.merge(try VintageChanges(column: row[2]).values) { _, newer in newer }
      }
      flush()
      return out
    }
  }

  /// The distinct as-of dates stored (the vintages), oldest first.
  public func vintages() throws(StoreError) -> [Day] {
    try read("read vintages") { db in
      try String.fetchAll(db, sql: "SELECT DISTINCT as_of FROM observation_vintage ORDER BY as_of")
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
