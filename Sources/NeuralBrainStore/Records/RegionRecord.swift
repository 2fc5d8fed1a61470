import Foundation
import GRDB
import NeuralBrainCore

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
