import Foundation

/// Facts about one run that every rendered file shows.
public struct RunInfo: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case runID = "run_id"
    case generatedAt = "generated_at"
    case provider
    case model
    case method
    case fallbackUsed = "fallback_used"
    case provenance
    case frequency
    case seed
    case isStale = "is_stale"
    case notes
    case tokenUsage = "token_usage"
  }
  public var runID: String
  /// The run's clock (fixed by `--now` for reproducible output).
  public var generatedAt: Date
  public var provider: String
  public var model: String
  public var method: String
  /// True when the run ended on a provider lower in the chain than the first configured one.
  public var fallbackUsed: Bool
  public var provenance: Provenance
  public var frequency: Frequency
  public var seed: UInt64
  /// True when the data's as-of date is older than the staleness threshold.
  public var isStale: Bool
  /// Human-readable notes (corrections, skipped providers) shown on the status page.
  public var notes: [String]
  /// Tokens the hosted provider reported for this run's forecasts (nil for `local`).
  public var tokenUsage: TokenUsage?

  public init(
    runID: String, generatedAt: Date, provider: String, model: String, method: String,
    fallbackUsed: Bool, provenance: Provenance, frequency: Frequency, seed: UInt64,
    isStale: Bool = false, notes: [String] = [], tokenUsage: TokenUsage? = nil
  ) {
    self.runID = runID
    self.generatedAt = generatedAt
    self.provider = provider
    self.model = model
    self.method = method
    self.fallbackUsed = fallbackUsed
    self.provenance = provenance
    self.frequency = frequency
    self.seed = seed
    self.isStale = isStale
    self.notes = notes
    self.tokenUsage = tokenUsage
  }
}
