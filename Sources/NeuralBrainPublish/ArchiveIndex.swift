import Foundation
import NeuralBrainCore

/// `api/v1/archive.json`: the dated snapshots a release can link to, newest first.
///
/// The archive folder itself is immutable, so its listing lives in each release instead.
struct ArchiveIndex: Codable, Sendable {
  struct Entry: Codable, Sendable {
    var date: String
    var path: String
    var checksums: String
  }

  var schemaVersion = 1
  var snapshots: [Entry]

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case snapshots
  }

  init(dates: [Day]) {
    snapshots = dates.sorted(by: >).map { date in
      let path = ArchiveLayout.path(date)
      return Entry(date: date.iso, path: path, checksums: path + ArchiveLayout.manifest)
    }
  }

  static let path = SitePath("api/v1/archive.json")

  var file: SiteFile? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // compact, as every API document
    guard let path = Self.path, let data = try? encoder.encode(self) else { return nil }
    return SiteFile(path: path, contents: Array(data) + [10])
  }
}
