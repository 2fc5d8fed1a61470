import Foundation
import GRDB

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
