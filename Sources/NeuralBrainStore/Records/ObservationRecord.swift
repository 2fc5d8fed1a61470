import Foundation
import GRDB
import NeuralBrainCore

/// One vintage of one observation: the value of (region, metric, date) as known on `asOf`.
struct ObservationRecord: Codable, FetchableRecord, PersistableRecord, Hashable {
  static let databaseTableName = "observation"
  var regionID: String
  var metric: String
  var date: String
  var asOf: String
  var value: Double?
  var ingestID: Int64

  enum CodingKeys: String, CodingKey {
    case regionID = "region_id", metric, date, asOf = "as_of", value, ingestID = "ingest_id"
  }
}

/// A region as last ingested.
struct RegionRecord: Codable, FetchableRecord, PersistableRecord, Hashable {
  static let databaseTableName = "region"
  var id: String
  var code: String
  var name: String
  var population: Double?

  init(_ region: Region) {
    id = region.id
    code = region.code
    name = region.name
    population = region.population
  }

  var region: Region { Region(id: id, code: code, name: name, population: population) }
}

/// One ingest: where the data came from and how many observations changed.
struct IngestRecord: Codable, FetchableRecord, MutablePersistableRecord, Hashable {
  static let databaseTableName = "ingest"
  var id: Int64?
  var source: String
  var sourceURL: String
  var contentSHA256: String?
  var retrievedAt: Date
  var dataAsOf: String
  var isSynthetic: Bool
  var observationsChanged: Int

  enum CodingKeys: String, CodingKey {
    case id, source, sourceURL = "source_url", contentSHA256 = "content_sha256"
    case retrievedAt = "retrieved_at", dataAsOf = "data_as_of", isSynthetic = "is_synthetic"
    case observationsChanged = "observations_changed"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
