import Foundation
import GRDB

/// One batch run and how it ended.
public struct RunRecord: Codable, FetchableRecord, PersistableRecord, Hashable, Sendable {
  public static let databaseTableName = "run"

  /// Lifecycle of a run.
  public enum Status: String, Codable, Sendable {
    case running, succeeded, failed
    /// The process died (killed, crashed, machine lost) before it recorded an end.
    case abandoned
  }

  public var id: String
  public var startedAt: Date
  public var finishedAt: Date?
  public var status: Status
  public var source: String?
  public var dataAsOf: String?
  public var provider: String?
  public var model: String?
  public var fallbackUsed: Bool
  public var regions: Int
  public var releasePath: String?
  public var error: String?
  /// One line for the Atom feed: what the release showed.
  public var summary: String?
  public var seed: Int64
  /// Completion requests a hosted provider answered for the published forecasts (nil for `local`).
  public var requests: Int?
  /// Tokens the hosted provider reported (nil for `local`).
  public var promptTokens: Int?
  public var completionTokens: Int?
  /// SHA-256 of everything the release is a function of (`ReleaseInputs`): data, settings,
  /// templates, provider readiness, build, day and staleness.
  public var inputDigest: String?
  /// The run whose release this run published again, as hard links, because its inputs had
  /// not changed; nil for a run that forecast and rendered.
  public var reusedFrom: String?

  /// The run that rendered this run's release: this run, or the one whose release it reused.
  public var renderingRunID: String { reusedFrom ?? id }

  enum CodingKeys: String, CodingKey {
    case id, startedAt = "started_at", finishedAt = "finished_at", status, source
    case dataAsOf = "data_as_of", provider, model, fallbackUsed = "fallback_used", regions
    case releasePath = "release_path", error, summary, seed
    case requests, promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
    case inputDigest = "input_digest", reusedFrom = "reused_from"
  }

  public init(id: String, startedAt: Date, seed: UInt64) {
    self.id = id
    self.startedAt = startedAt
    self.status = .running
    self.fallbackUsed = false
    self.regions = 0
    self.seed = Int64(bitPattern: seed)
  }
}
