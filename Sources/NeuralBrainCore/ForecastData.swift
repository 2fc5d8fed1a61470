import Foundation

/// The authoritative, published forecast of one region (docs/methodology.md §3).
///
/// Carries every field of the seed system (`region`, `actual_cases`, `forecasted_cases`,
/// `risk_level`, …) plus the quantile forecasts and provenance researchers need. The derived
/// metrics are one `DerivedMetrics` value, read through as if they were fields
/// (`forecast.riskLevel`) and flattened into the published JSON by `Codable`. Encoded with
/// snake_case keys.
@dynamicMemberLookup
public struct ForecastData: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  /// The derived metrics' keys are `DerivedMetrics.CodingKeys`, in the same object.
  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case runID = "run_id"
    case region
    case regionID = "region_id"
    case regionCode = "region_code"
    case population
    case actualCases = "actual_cases"
    case actualDeaths = "actual_deaths"
    case forecastedCases = "forecasted_cases"
    case forecastedDeaths = "forecasted_deaths"
    case timestamp
    case provider
    case model
    case method
    case dataAsOf = "data_as_of"
    case source
    case sourceURL = "source_url"
    case isSynthetic = "is_synthetic"
    case metrics
  }
  public static let schemaVersion = "1.0.0"

  public var schemaVersion: String
  public var runID: String
  public var region: String
  public var regionID: String
  public var regionCode: String
  public var population: Double?
  /// Latest cumulative totals over the data window, when the metric exists.
  public var actualCases: Double?
  public var actualDeaths: Double?
  /// Cumulative median paths, day n = 1…H (days after the last observation).
  public var forecastedCases: [DayValue]?
  public var forecastedDeaths: [DayValue]?
  /// Risk, trend, growth, confidence and the other metrics of docs/methodology.md §4.
  public var derived: DerivedMetrics
  public var timestamp: Date
  public var provider: String
  public var model: String
  public var method: String
  public var dataAsOf: Day
  public var source: String
  public var sourceURL: String
  public var isSynthetic: Bool
  public var metrics: [MetricForecast]

  public init(
    runID: String, region: Region, actualCases: Double?, actualDeaths: Double?,
    forecastedCases: [DayValue]?, forecastedDeaths: [DayValue]?, derived: DerivedMetrics,
    timestamp: Date, provider: String, model: String, method: String, provenance: Provenance,
    metrics: [MetricForecast]
  ) {
    self.schemaVersion = ForecastData.schemaVersion
    self.runID = runID
    self.region = region.name
    self.regionID = region.id
    self.regionCode = region.code
    self.population = region.population
    self.actualCases = actualCases
    self.actualDeaths = actualDeaths
    self.forecastedCases = forecastedCases
    self.forecastedDeaths = forecastedDeaths
    self.derived = derived
    self.timestamp = timestamp
    self.provider = provider
    self.model = model
    self.method = method
    self.dataAsOf = provenance.dataAsOf
    self.source = provenance.source
    self.sourceURL = provenance.sourceURL
    self.isSynthetic = provenance.isSynthetic
    self.metrics = metrics
  }

  /// A derived metric, e.g. `forecast.riskLevel` for `forecast.derived.riskLevel`.
  public subscript<Value>(dynamicMember keyPath: WritableKeyPath<DerivedMetrics, Value>) -> Value {
    get { derived[keyPath: keyPath] }
    set { derived[keyPath: keyPath] = newValue }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try container.decode(String.self, forKey: .schemaVersion)
    runID = try container.decode(String.self, forKey: .runID)
    region = try container.decode(String.self, forKey: .region)
    regionID = try container.decode(String.self, forKey: .regionID)
    regionCode = try container.decode(String.self, forKey: .regionCode)
    population = try container.decodeIfPresent(Double.self, forKey: .population)
    actualCases = try container.decodeIfPresent(Double.self, forKey: .actualCases)
    actualDeaths = try container.decodeIfPresent(Double.self, forKey: .actualDeaths)
    forecastedCases = try container.decodeIfPresent([DayValue].self, forKey: .forecastedCases)
    forecastedDeaths = try container.decodeIfPresent([DayValue].self, forKey: .forecastedDeaths)
    derived = try DerivedMetrics(from: decoder)
    timestamp = try container.decode(Date.self, forKey: .timestamp)
    provider = try container.decode(String.self, forKey: .provider)
    model = try container.decode(String.self, forKey: .model)
    method = try container.decode(String.self, forKey: .method)
    dataAsOf = try container.decode(Day.self, forKey: .dataAsOf)
    source = try container.decode(String.self, forKey: .source)
    sourceURL = try container.decode(String.self, forKey: .sourceURL)
    isSynthetic = try container.decode(Bool.self, forKey: .isSynthetic)
    metrics = try container.decode([MetricForecast].self, forKey: .metrics)
  }

  /// One flat JSON object: these fields and the derived metrics side by side.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schemaVersion, forKey: .schemaVersion)
    try container.encode(runID, forKey: .runID)
    try container.encode(region, forKey: .region)
    try container.encode(regionID, forKey: .regionID)
    try container.encode(regionCode, forKey: .regionCode)
    try container.encodeIfPresent(population, forKey: .population)
    try container.encodeIfPresent(actualCases, forKey: .actualCases)
    try container.encodeIfPresent(actualDeaths, forKey: .actualDeaths)
    try container.encodeIfPresent(forecastedCases, forKey: .forecastedCases)
    try container.encodeIfPresent(forecastedDeaths, forKey: .forecastedDeaths)
    try container.encode(timestamp, forKey: .timestamp)
    try container.encode(provider, forKey: .provider)
    try container.encode(model, forKey: .model)
    try container.encode(method, forKey: .method)
    try container.encode(dataAsOf, forKey: .dataAsOf)
    try container.encode(source, forKey: .source)
    try container.encode(sourceURL, forKey: .sourceURL)
    try container.encode(isSynthetic, forKey: .isSynthetic)
    try container.encode(metrics, forKey: .metrics)
    try derived.encode(to: encoder)
  }
}

/// One point of a seed-schema path: `{"day": n, "value": v}`.
public struct DayValue: Hashable, Codable, Sendable {
  public var day: Int
  public var value: Double
  public init(day: Int, value: Double) {
    self.day = day
    self.value = value
  }
}

/// A dated value.
public struct DatedValue: Hashable, Codable, Sendable {
  public var date: Day
  public var value: Double?
  public init(date: Day, value: Double?) {
    self.date = date
    self.value = value
  }
}

/// The quantile forecast of one metric of a region, with its recent observations.
public struct MetricForecast: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case metric
    case frequency
    case target
    case referenceDate = "reference_date"
    case recent
    case quantileLevels = "quantile_levels"
    case horizons
    case nextPeriod = "next_period"
  }
  public var metric: Metric
  public var frequency: Frequency
  public var target: String
  public var referenceDate: Day
  /// The most recent observations (incident), oldest first, for charts and tables.
  public var recent: [DatedValue]
  public var quantileLevels: [Double]
  public var horizons: [HorizonForecast]
  /// Daily data: the forecast of the next 7 days' total (horizon 7, ending on the 7th day) as
  /// the provider made it; nil for weekly data and for providers without one.
  public var nextPeriod: HorizonForecast?

  public init(
    metric: Metric, frequency: Frequency, referenceDate: Day, recent: [DatedValue],
    horizons: [HorizonForecast], nextPeriod: HorizonForecast? = nil
  ) {
    self.metric = metric
    self.frequency = frequency
    self.target = metric.hubTarget(frequency)
    self.referenceDate = referenceDate
    self.recent = recent
    self.quantileLevels = QuantileLevels.hub
    self.horizons = horizons
    self.nextPeriod = nextPeriod
  }

  /// The next period's forecast in the unit pages, e-mails and derived metrics use: the
  /// provider's 7-day total when it made one, else `HorizonForecast.nextPeriod(of:frequency:)`.
  public var periodForecast: HorizonForecast? {
    nextPeriod ?? HorizonForecast.nextPeriod(of: horizons, frequency: frequency)
  }
}

/// Risk bands cut from `riskScore`.
public enum RiskLevel: String, Codable, Sendable, CaseIterable, Comparable {
  case green = "GREEN"
  case yellow = "YELLOW"
  case red = "RED"

  public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Three-way trend of the seed schema.
public enum Trend: String, Codable, Sendable, CaseIterable {
  case increasing
  case decreasing
  case stable
}

/// Five-way rate-change category, like FluSight's.
public enum TrendCategory: String, Codable, Sendable, CaseIterable {
  case largeDecrease = "large_decrease"
  case decrease
  case stable
  case increase
  case largeIncrease = "large_increase"
}

/// The derived metrics of docs/methodology.md §4, computed by the normalizer.
public struct DerivedMetrics: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case primaryMetric = "primary_metric"
    case confidenceScore = "confidence_score"
    case riskLevel = "risk_level"
    case riskScore = "risk_score"
    case outbreakProbability = "outbreak_probability"
    case trend
    case trendDetail = "trend_detail"
    case growthRate = "growth_rate"
    case volatility
    case incidencePer100k = "incidence_per100k"
  }
  public var primaryMetric: Metric
  public var confidenceScore: Double
  public var riskLevel: RiskLevel
  public var riskScore: Double
  public var outbreakProbability: Double
  public var trend: Trend
  public var trendDetail: TrendCategory
  public var growthRate: Double
  public var volatility: Double
  public var incidencePer100k: Double?

  public init(
    primaryMetric: Metric, confidenceScore: Double, riskLevel: RiskLevel, riskScore: Double,
    outbreakProbability: Double, trend: Trend, trendDetail: TrendCategory, growthRate: Double,
    volatility: Double, incidencePer100k: Double?
  ) {
    self.primaryMetric = primaryMetric
    self.confidenceScore = confidenceScore
    self.riskLevel = riskLevel
    self.riskScore = riskScore
    self.outbreakProbability = outbreakProbability
    self.trend = trend
    self.trendDetail = trendDetail
    self.growthRate = growthRate
    self.volatility = volatility
    self.incidencePer100k = incidencePer100k
  }
}
