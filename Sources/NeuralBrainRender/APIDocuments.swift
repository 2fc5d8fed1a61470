import Foundation
import NeuralBrainCore

/// The documents of the static JSON API under `api/v1/` (conventions §3.5).
///
/// Each document carries `schema_version`, `generated_at`, `data_as_of`, the source and the
/// licence, so a file read on its own still says what it is.
enum APIDocuments {
  /// Licence of everything NeuralBrain publishes.
  static let license = "CC-BY-4.0"
  static let licenseURL = "https://creativecommons.org/licenses/by/4.0/"

  /// Run facts shared by the top of every document.
  struct RunMetadata: Encodable {
    var schemaVersion = ForecastData.schemaVersion
    var runID: String
    var generatedAt: Date
    var provider: String
    var model: String
    var method: String
    var fallbackUsed: Bool
    var dataAsOf: Day
    var retrievedAt: Date
    var source: String
    var sourceURL: String
    var sourceLicense: String?
    var isSynthetic: Bool
    var isStale: Bool
    var license = APIDocuments.license

    init(_ run: RunInfo) {
      runID = run.runID
      generatedAt = run.generatedAt
      provider = run.provider
      model = run.model
      method = run.method
      fallbackUsed = run.fallbackUsed
      dataAsOf = run.provenance.dataAsOf
      retrievedAt = run.provenance.retrievedAt
      source = run.provenance.source
      sourceURL = run.provenance.sourceURL
      sourceLicense = run.provenance.license
      isSynthetic = run.provenance.isSynthetic
      isStale = run.isStale
    }
  }

  /// A document made of the run metadata plus its own members, flattened into one object.
  struct Document<Body: Encodable>: Encodable {
    var run: RunMetadata
    var body: Body

    func encode(to encoder: any Encoder) throws {
      try run.encode(to: encoder)
      try body.encode(to: encoder)
    }
  }

  /// `forecasts/global.json`.
  struct Global: Encodable {
    var regionCount: Int
    var forecasts: [ForecastData]
  }

  /// `status.json`.
  struct Status: Encodable {
    var regionCount: Int
    var notes: [String]
    /// What the hosted provider reported using (absent for `local`).
    var tokenUsage: TokenUsage?
  }

  /// `regions.json`.
  struct Regions: Encodable {
    var regions: [RegionEntry]
  }

  /// One region of `regions.json`.
  struct RegionEntry: Encodable {
    var id: String
    var code: String
    var name: String
    var population: Double?
  }

  /// `predictions/summary.json`.
  struct Summary: Encodable {
    var regions: [SummaryEntry]
  }

  /// One region of `predictions/summary.json`.
  struct SummaryEntry: Encodable {
    var regionID: String
    var region: String
    var riskLevel: RiskLevel
    var riskScore: Double
    var trend: Trend
    var trendDetail: TrendCategory
    var outbreakProbability: Double
    var confidenceScore: Double
    var nextPeriod: NextPeriod?
  }

  /// The next period of a region's primary metric: the next week, or for daily data the next
  /// 7 days' total (target `wk inc …`, horizon 7, ending on the 7th day).
  struct NextPeriod: Encodable {
    var metric: Metric
    var target: String
    var horizon: Int
    var targetEndDate: Day
    var median: Double
    var lower50: Double
    var upper50: Double
    var lower95: Double
    var upper95: Double

    init?(_ forecast: MetricForecast?) {
      guard let forecast, let first = forecast.periodForecast,
        first.quantiles.count == QuantileLevels.hub.count
      else { return nil }
      metric = forecast.metric
      target = forecast.frequency == .weekly ? forecast.target : forecast.metric.hubTarget(.weekly)
      horizon = first.horizon
      targetEndDate = first.targetEndDate
      median = first.median
      lower50 = first.quantiles[QuantileLevels.central50.lower]
      upper50 = first.quantiles[QuantileLevels.central50.upper]
      lower95 = first.quantiles[QuantileLevels.central95.lower]
      upper95 = first.quantiles[QuantileLevels.central95.upper]
    }
  }

  static func global(_ content: SiteContent) -> Document<Global> {
    Document(
      run: RunMetadata(content.run),
      body: Global(
        regionCount: content.forecasts.count, forecasts: content.forecasts))
  }

  /// The frame of `forecasts/global.json` around its region documents: the bytes before the
  /// first document and after the last. The renderer appends each region's own encoded document
  /// in between (in region order, comma-separated, without its final newline), which gives the
  /// bytes `global(content)` encodes to without holding every region's values in one encoder
  /// tree — at thousands of daily regions that tree took gigabytes — nor every document at once.
  /// Nil without regions or when the frame cannot be cut; the renderer then encodes the document
  /// whole.
  static func globalFrame(_ content: SiteContent, regionCount: Int, at path: SitePath) throws -> GlobalFrame? {
    struct Skeleton: Encodable {
      var regionCount: Int
      var forecasts: String
    }
    guard regionCount > 0 else { return nil }
    let skeleton = try JSONOutput.file(
      Document(run: RunMetadata(content.run), body: Skeleton(regionCount: regionCount, forecasts: "\u{1}")), at: path)
    let marker = Array(#""forecasts":"\u0001""#.utf8)
    guard let start = skeleton.contents.firstRange(of: marker)?.lowerBound else { return nil }
    return GlobalFrame(
      head: Array(skeleton.contents[..<start]) + Array(#""forecasts":["#.utf8),
      tail: [UInt8(ascii: "]")] + skeleton.contents[(start + marker.count)...])
  }

  /// The bytes of `forecasts/global.json` before and after its region documents.
  struct GlobalFrame {
    var head: [UInt8]
    var tail: [UInt8]
  }

  static func status(_ content: SiteContent) -> Document<Status> {
    Document(
      run: RunMetadata(content.run),
      body: Status(
        regionCount: content.forecasts.count, notes: content.run.notes, tokenUsage: content.run.tokenUsage))
  }

  static func regions(_ content: SiteContent) -> Document<Regions> {
    Document(
      run: RunMetadata(content.run),
      body: Regions(
        regions: content.forecasts.map {
          RegionEntry(id: $0.regionID, code: $0.regionCode, name: $0.region, population: $0.population)
        }))
  }

  static func summary(_ content: SiteContent) -> Document<Summary> {
    Document(
      run: RunMetadata(content.run),
      body: Summary(
        regions: content.forecasts.map {
          SummaryEntry(
            regionID: $0.regionID, region: $0.region, riskLevel: $0.riskLevel, riskScore: $0.riskScore,
            trend: $0.trend, trendDetail: $0.trendDetail, outbreakProbability: $0.outbreakProbability,
            confidenceScore: $0.confidenceScore, nextPeriod: NextPeriod($0.primaryForecast))
        }))
  }
}
