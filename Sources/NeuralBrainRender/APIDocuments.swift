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

  /// `forecasts/global.json` built from each region's own encoded document (`regionDocuments`,
  /// in region order): the bytes `global(content)` encodes to, without holding every region's
  /// values in one encoder tree — at thousands of daily regions that tree took gigabytes.
  static func globalFile(
    _ content: SiteContent, regionDocuments: [[UInt8]], at path: SitePath
  ) throws -> SiteFile {
    struct Skeleton: Encodable {
      var regionCount: Int
      var forecasts: String
    }
    guard !regionDocuments.isEmpty else { return try JSONOutput.file(global(content), at: path) }
    let skeleton = try JSONOutput.file(
      Document(run: RunMetadata(content.run), body: Skeleton(regionCount: regionDocuments.count, forecasts: "\u{1}")),
      at: path)
    let marker = Array(#""forecasts":"\u0001""#.utf8)
    guard let start = skeleton.contents.firstRange(of: marker)?.lowerBound else {
      return try JSONOutput.file(global(content), at: path)
    }
    // Each document as it is, without its final newline.
    var spliced = Array(skeleton.contents[..<start]) + Array(#""forecasts":["#.utf8)
    spliced.reserveCapacity(regionDocuments.reduce(skeleton.contents.count) { $0 + $1.count + 1 })
    for (index, document) in regionDocuments.enumerated() {
      if index > 0 { spliced.append(UInt8(ascii: ",")) }
      spliced += document.last == 0x0A ? document.dropLast() : document[...]
    }
    spliced += [UInt8(ascii: "]")] + skeleton.contents[(start + marker.count)...]
    return SiteFile(path: path, contents: spliced)
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
