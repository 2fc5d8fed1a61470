import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// The `diseasesh` source: the disease.sh REST API over HTTP.
///
/// For each configured country it reads `/v3/covid-19/historical/{country}?lastdays=all`
/// (cumulative `cases` and `deaths` keyed by `M/D/YY`), then `/v3/covid-19/countries` for
/// populations. Cumulative totals become daily incidence with corrections settled by policy.
/// The provenance hash covers every response body, in request order.
struct DiseaseShSource: DataSource {
  let baseURL: String
  let countries: [String]
  let corrections: CorrectionPolicy
  let fetcher: HTTPFetcher
  let now: Date

  static let defaultBaseURL = "https://disease.sh"
  static let defaultCountries = ["USA", "UK", "Germany", "France", "Italy", "Canada"]
  static let license = "disease.sh open API (data: JHU CSSE COVID-19 Data Repository, CC BY 4.0)"

  private struct Historical: Decodable {
    struct Timeline: Decodable {
      var cases: [String: Double]?
      var deaths: [String: Double]?
    }

    var country: String?
    var timeline: Timeline
  }

  private struct CountryInfo: Decodable {
    struct Codes: Decodable {
      var iso2: String?
      var iso3: String?
    }

    var country: String
    var population: Double?
    var countryInfo: Codes?
  }

  func load() async throws(IngestError) -> Dataset {
    let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    var hasher = ContentHash()
    var regions: [Region] = []
    var series: [CorrectionEngine.Series] = []
    var notes: [IngestNote] = []
    let engine = CorrectionEngine(policy: corrections)
    for country in countries {
      let url = "\(base)/v3/covid-19/historical/\(Self.escape(country))?lastdays=all"
      let response = try await fetcher.get(url)
      switch response.status {
      case 200..<300: break
      case 404: throw .countryNotFound(country: country, url: url, message: HTTPFetcher.message(in: response.body))
      default: throw .httpStatus(url: url, status: response.status, message: HTTPFetcher.message(in: response.body))
      }
      hasher.update(response.body)
      let historical: Historical = try Self.decode(response.body, url: url)
      let name = historical.country ?? country
      if let problem = InputLimits.textProblem(name) {
        throw .badResponse(url: url, detail: "the country name \"\(IngestError.excerpt(name))\" \(problem)")
      }
      let region = Region(code: name, name: name)
      guard !regions.contains(where: { $0.id == region.id }) else {
        throw .invalidOption(key: "countries", detail: "\"\(country)\" names a country already listed (\(name))")
      }
      regions.append(region)
      for (metric, timeline) in [(Metric.cases, historical.timeline.cases), (.deaths, historical.timeline.deaths)] {
        guard let timeline else { continue }
        let cumulative = try Self.grid(timeline, regionID: region.id, metric: metric, url: url, now: now)
        let converted = engine.incident(fromCumulative: cumulative)
        series.append(converted.series)
        notes += converted.notes
      }
    }
    let populationsURL = "\(base)/v3/covid-19/countries"
    let response = try await fetcher.get(populationsURL)
    guard (200..<300).contains(response.status) else {
      throw .httpStatus(url: populationsURL, status: response.status, message: HTTPFetcher.message(in: response.body))
    }
    hasher.update(response.body)
    let infos: [CountryInfo] = try Self.decode(response.body, url: populationsURL)
    for index in regions.indices {
      let code = regions[index].code.lowercased()
      let match = infos.first {
        $0.country.lowercased() == code || $0.countryInfo?.iso2?.lowercased() == code
          || $0.countryInfo?.iso3?.lowercased() == code
      }
      regions[index].population = match?.population.flatMap { $0 > 0 ? $0 : nil }
    }
    let assembler = DatasetAssembler(
      kind: .diseasesh, sourceURL: "\(base)/v3/covid-19/historical", retrievedAt: now,
      contentSHA256: hasher.finalizeHex(), license: Self.license)
    return try assembler.assemble(frequency: .daily, regions: regions, series: series, notes: notes)
  }

  /// A timeline (`"1/22/20": 0, …`) as a daily cumulative series from its first to last date.
  private static func grid(
    _ timeline: [String: Double], regionID: String, metric: Metric, url: String, now: Date
  ) throws(IngestError) -> CorrectionEngine.Series {
    var byDay: [Day: Double] = [:]
    for (key, value) in timeline {
      guard let day = CellParser.usDay(key) else {
        throw .badResponse(url: url, detail: "timeline key \"\(key)\" is not an M/D/YY date")
      }
      guard value >= 0, value.isFinite else {
        throw .badResponse(
          url: url, detail: "\(metric.rawValue) on \(key) is \(value); cumulative counts cannot be negative")
      }
      if let problem = InputLimits.dateProblem(day, now: now)
        ?? InputLimits.countProblem(value).map({ "\(value) \($0)" })
      {
        throw .badResponse(url: url, detail: "\(metric.rawValue) on \(key) \(problem)")
      }
      guard byDay.updateValue(value, forKey: day) == nil else {
        throw .badResponse(url: url, detail: "\(metric.rawValue) has two entries for \(day)")
      }
    }
    guard let first = byDay.keys.min(), let last = byDay.keys.max() else {
      return CorrectionEngine.Series(regionID: regionID, metric: metric, start: Day(ordinal: 0), step: 1, values: [])
    }
    var values = [Double?](repeating: nil, count: last - first + 1)
    for (day, value) in byDay { values[day - first] = value }
    return CorrectionEngine.Series(regionID: regionID, metric: metric, start: first, step: 1, values: values)
  }

  private static func decode<T: Decodable>(_ body: [UInt8], url: String) throws(IngestError) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: Data(body))
    } catch {
      throw .badResponse(url: url, detail: "not the documented JSON: \(error)")
    }
  }

  /// Percent-encodes a country for one path segment.
  static func escape(_ country: String) -> String {
    let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return country.addingPercentEncoding(withAllowedCharacters: allowed) ?? country
  }
}
