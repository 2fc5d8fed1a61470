import Foundation

/// Where a data set came from and how old it is, carried into every published file.
public struct Provenance: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case source
    case sourceURL = "source_url"
    case retrievedAt = "retrieved_at"
    case dataAsOf = "data_as_of"
    case contentSHA256 = "content_sha256"
    case isSynthetic = "is_synthetic"
    case license
  }
  /// Source kind, e.g. `demo`, `csv`, `hub`, `jhu`, `owid`, `diseasesh`.
  public var source: String
  /// The file path or URL the data were read from (`demo:` URI for the simulator).
  public var sourceURL: String
  /// When the data were read.
  public var retrievedAt: Date
  /// The last date the data describe.
  public var dataAsOf: Day
  /// SHA-256 of the raw input, hex, when read from a file or response body.
  public var contentSHA256: String?
  /// True for the demo simulator: every page says so.
  public var isSynthetic: Bool
  /// Licence or attribution text of the source, when known.
  public var license: String?

  public init(
    source: String, sourceURL: String, retrievedAt: Date, dataAsOf: Day,
    contentSHA256: String? = nil, isSynthetic: Bool = false, license: String? = nil
  ) {
    self.source = source
    self.sourceURL = sourceURL
    self.retrievedAt = retrievedAt
    self.dataAsOf = dataAsOf
    self.contentSHA256 = contentSHA256
    self.isSynthetic = isSynthetic
    self.license = license
  }
}
