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
  ///
  /// What is known of each series is read first and the new vintages are worked out on every
  /// core, outside the transaction, which then only inserts them: 10,000 daily regions held the
  /// database's one writer for two seconds, during which the provider chain's lock and audit
  /// writes waited. The transaction checks that no ingest was recorded in between (a run's lock
  /// keeps other runs out; this is the guard) and refuses to write otherwise.
  @discardableResult
  public func recordIngest(_ dataset: Dataset) throws(StoreError) -> IngestSummary {
    let provenance = dataset.provenance
    let asOf = provenance.dataAsOf.iso
    // 1. What is stored: the latest ingest, a duplicate of this content, each series' vintages.
    let stored = try read("read stored vintages") {
      db -> (latest: Int64?, isDuplicate: Bool, vintages: [[(asOf: String, changes: Data)]]) in
      let latest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM ingest")
      if let hash = provenance.contentSHA256,
        try IngestRecord.filter(Column("content_sha256") == hash)
          .filter(Column("source_url") == provenance.sourceURL).fetchCount(db) > 0
      {
        return (latest, true, [])
      }
      let earlier = try db.cachedStatement(
        sql: """
          SELECT as_of, changes FROM observation_vintage
          WHERE region_id = ? AND metric = ? AND as_of <= ?
          ORDER BY as_of
          """)
      let vintages = try dataset.series.map { series in
        try Row.fetchAll(earlier, arguments: [series.region.id, series.metric.rawValue, asOf]).map {
          (asOf: $0[0] as String, changes: $0[1] as Data)
        }
      }
      return (latest, false, vintages)
    }
    if stored.isDuplicate { return IngestSummary(observationsChanged: 0, wasDuplicate: true) }
    // 2. Each series' new vintage (nil when it changes nothing) and how many values it changed.
    let drafts: [(changes: Data?, changed: Int)]
    do {
      drafts = try Array(zip(dataset.series, stored.vintages)).concurrentMap { series, rows in
        try Self.vintage(of: series, asOf: asOf, stored: rows)
      }
    } catch {
      throw .failed(operation: "read stored vintages", reason: String(describing: error))
    }
    // 3. One transaction that only writes.
    return try write("record ingest") { db in
      guard try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM ingest") == stored.latest else {
        throw ConcurrentIngest()
      }
      for region in dataset.regions { try RegionRecord(region).save(db) }
      let changed = drafts.reduce(0) { $0 + $1.changed }
      var ingest = IngestRecord(
        id: nil, source: provenance.source, sourceURL: provenance.sourceURL,
        contentSHA256: provenance.contentSHA256, retrievedAt: provenance.retrievedAt,
        dataAsOf: asOf, isSynthetic: provenance.isSynthetic, observationsChanged: changed)
      try ingest.insert(db)
      guard let ingestID = ingest.id else { return IngestSummary(observationsChanged: 0, wasDuplicate: false) }
      let save = try db.cachedStatement(
        sql: """
          INSERT OR REPLACE INTO observation_vintage (region_id, metric, as_of, ingest_id, changes)
          VALUES (?, ?, ?, ?, ?)
          """)
      for (series, draft) in zip(dataset.series, drafts) {
        guard let changes = draft.changes else { continue }
        try save.execute(arguments: [series.region.id, series.metric.rawValue, asOf, ingestID, changes])
      }
      return IngestSummary(observationsChanged: changed, wasDuplicate: false)
    }
  }

  /// `series`' vintage as of `asOf` against its `stored` vintages (`as_of`, `changes`, oldest
  /// first): the column to write, nil when nothing changed, and the number of values changed.
  private static func vintage(
    of series: IncidentSeries, asOf: String, stored: [(asOf: String, changes: Data)]
  ) throws(MalformedVintage) -> (changes: Data?, changed: Int) {
    // What was known on `asOf`, and what an earlier ingest of the same day already changed.
    var known: [Int: Double?] = [:]
    var vintage = VintageChanges()
    for row in stored {
      let changes = try VintageChanges(column: row.changes)
      known.merge(changes.values) { _, newer in newer }
      if row.asOf == asOf { vintage = changes }
    }
    let before = vintage
    var changed = 0
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
    return (vintage == before ? nil : vintage.column, changed)
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

/// An ingest was recorded while this one worked out its vintages: another process wrote to the
/// state database, which a run's lock should have prevented.
struct ConcurrentIngest: Error, CustomStringConvertible {
  var description: String {
    "another ingest was recorded in the state database while this run stored its observations; "
      + "nothing was written: make sure one run at a time uses this --state-dir, then run again"
  }
}
