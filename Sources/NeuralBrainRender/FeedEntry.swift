import Foundation

/// One run as the Atom feed lists it.
///
/// The pipeline stores `SiteContent.feedEntry` of each run and hands older ones back as history.
public struct FeedEntry: Sendable, Hashable, Codable {
  public var runID: String
  public var generatedAt: Date
  public var provider: String
  public var summary: String

  public init(runID: String, generatedAt: Date, provider: String, summary: String) {
    self.runID = runID
    self.generatedAt = generatedAt
    self.provider = provider
    self.summary = summary
  }
}
