import Foundation
import NeuralBrainCore

/// Everything one release shows, handed from the pipeline to `SiteRenderer`.
///
/// It exists so rendering is a pure function of one value: the same content always yields the
/// same files.
public struct SiteContent: Sendable {
  public var run: RunInfo
  /// One per region, already normalized, sorted by region name.
  public var forecasts: [ForecastData]
  /// Region id → risk level in the previous release, for the "what changed" alerts; empty on
  /// the first run.
  public var previousRiskLevels: [String: RiskLevel]
  /// Scores of past forecasts; empty means "no scored forecasts yet".
  public var evaluation: [EvaluationRow]
  /// Absolute site URL for the sitemap and feed; `nil` gives root-relative links.
  public var baseURL: String?
  /// Previous runs, newest first, for the Atom feed.
  public var history: [FeedEntry]
  /// Region id → the forecasts published 1–4 weeks before this release's, for the region pages'
  /// look back; empty before the archive holds any.
  public var pastForecasts: [String: [PastForecast]]

  public init(
    run: RunInfo, forecasts: [ForecastData], previousRiskLevels: [String: RiskLevel] = [:],
    evaluation: [EvaluationRow] = [], baseURL: String? = nil, history: [FeedEntry] = [],
    pastForecasts: [String: [PastForecast]] = [:]
  ) {
    self.run = run
    self.forecasts = forecasts
    self.previousRiskLevels = previousRiskLevels
    self.evaluation = evaluation
    self.baseURL = baseURL
    self.history = history
    self.pastForecasts = pastForecasts
  }

  /// The UTC calendar day of `run.generatedAt`: this release's dated snapshot lives under
  /// `archive/<archiveDate.iso>/`, and the daily e-mail links there.
  public var archiveDate: Day { ArchiveLayout.day(of: run.generatedAt) }

  /// This run's feed entry, for the pipeline to keep as history of later releases.
  public var feedEntry: FeedEntry {
    let counts = RiskLevel.allCases.reversed().map { level in
      "\(forecasts.filter { $0.riskLevel == level }.count) \(level.rawValue)"
    }
    let synthetic = run.provenance.isSynthetic ? " Synthetic demo data." : ""
    let fallback = run.fallbackUsed ? " Fallback provider used." : ""
    let summary =
      "\(forecasts.count) regions: \(counts.joined(separator: ", ")). Provider \(run.provider) "
      + "(\(run.model)); data as of \(run.provenance.dataAsOf.iso).\(synthetic)\(fallback)"
    return FeedEntry(
      runID: run.runID, generatedAt: run.generatedAt, provider: run.provider, summary: summary)
  }
}
