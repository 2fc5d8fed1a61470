import Foundation
import NeuralBrainCore

/// Writes a region's `ForecastData` document: the bytes `JSONOutput` (Foundation's
/// `JSONEncoder`, sorted keys, `/` unescaped, ISO 8601 time) gives, without its boxing.
///
/// A daily region's document holds about 1,500 numbers; encoding them through `Codable` was a
/// third of the render step. Each object's keys are written in the encoder's sorted order, a
/// number as `JSONEncoder` spells it (`description`, a trailing `.0` dropped), a string with its
/// escapes. A test compares the two on weekly, daily and odd documents; any value that is not
/// finite makes `bytes` return nil, so that `JSONOutput` reports it with its place.
struct ForecastDocumentWriter {
  private var out: [UInt8] = []
  private var isFinite = true

  /// The document and its final newline, or nil when a number is not finite.
  static func bytes(_ forecast: ForecastData) -> [UInt8]? {
    var writer = ForecastDocumentWriter()
    writer.out.reserveCapacity(4_096 + forecast.metrics.count * 16_384)
    writer.write(forecast)
    writer.out.append(UInt8(ascii: "\n"))
    return writer.isFinite ? writer.out : nil
  }

  private mutating func write(_ forecast: ForecastData) {
    let derived = forecast.derived
    var object = ObjectWriter()
    if let value = forecast.actualCases { object.key("actual_cases", &self) { $0.number(value) } }
    if let value = forecast.actualDeaths { object.key("actual_deaths", &self) { $0.number(value) } }
    object.key("confidence_score", &self) { $0.number(derived.confidenceScore) }
    object.key("data_as_of", &self) { $0.string(forecast.dataAsOf.iso) }
    if let path = forecast.forecastedCases { object.key("forecasted_cases", &self) { $0.path(path) } }
    if let path = forecast.forecastedDeaths { object.key("forecasted_deaths", &self) { $0.path(path) } }
    object.key("growth_rate", &self) { $0.number(derived.growthRate) }
    if let value = derived.incidencePer100k { object.key("incidence_per100k", &self) { $0.number(value) } }
    object.key("is_synthetic", &self) { $0.literal(forecast.isSynthetic ? "true" : "false") }
    object.key("method", &self) { $0.string(forecast.method) }
    object.key("metrics", &self) { writer in
      writer.array(forecast.metrics) { $0.write($1) }
    }
    object.key("model", &self) { $0.string(forecast.model) }
    object.key("outbreak_probability", &self) { $0.number(derived.outbreakProbability) }
    if let value = forecast.population { object.key("population", &self) { $0.number(value) } }
    object.key("primary_metric", &self) { $0.string(derived.primaryMetric.rawValue) }
    object.key("provider", &self) { $0.string(forecast.provider) }
    object.key("region", &self) { $0.string(forecast.region) }
    object.key("region_code", &self) { $0.string(forecast.regionCode) }
    object.key("region_id", &self) { $0.string(forecast.regionID) }
    object.key("risk_level", &self) { $0.string(derived.riskLevel.rawValue) }
    object.key("risk_score", &self) { $0.number(derived.riskScore) }
    object.key("run_id", &self) { $0.string(forecast.runID) }
    object.key("schema_version", &self) { $0.string(forecast.schemaVersion) }
    object.key("source", &self) { $0.string(forecast.source) }
    object.key("source_url", &self) { $0.string(forecast.sourceURL) }
    object.key("timestamp", &self) { $0.string(forecast.timestamp.formatted(.iso8601)) }
    object.key("trend", &self) { $0.string(derived.trend.rawValue) }
    object.key("trend_detail", &self) { $0.string(derived.trendDetail.rawValue) }
    object.key("volatility", &self) { $0.number(derived.volatility) }
    object.close(&self)
  }

  private mutating func write(_ metric: MetricForecast) {
    var object = ObjectWriter()
    object.key("frequency", &self) { $0.string(metric.frequency.rawValue) }
    object.key("horizons", &self) { writer in
      writer.array(metric.horizons) { $0.write($1) }
    }
    object.key("metric", &self) { $0.string(metric.metric.rawValue) }
    if let next = metric.nextPeriod {
      object.key("next_period", &self) { $0.write(next) }
    }
    object.key("quantile_levels", &self) { writer in
      writer.array(metric.quantileLevels) { $0.number($1) }
    }
    object.key("recent", &self) { writer in
      writer.array(metric.recent) { writer, point in
        var pair = ObjectWriter()
        pair.key("date", &writer) { $0.string(point.date.iso) }
        if let value = point.value { pair.key("value", &writer) { $0.number(value) } }
        pair.close(&writer)
      }
    }
    object.key("reference_date", &self) { $0.string(metric.referenceDate.iso) }
    object.key("target", &self) { $0.string(metric.target) }
    object.close(&self)
  }

  private mutating func write(_ horizon: HorizonForecast) {
    var object = ObjectWriter()
    object.key("horizon", &self) { $0.literal(String(horizon.horizon)) }
    object.key("quantiles", &self) { writer in
      writer.array(horizon.quantiles) { $0.number($1) }
    }
    object.key("target_end_date", &self) { $0.string(horizon.targetEndDate.iso) }
    object.close(&self)
  }

  /// Writes `{` on the first key, `,` before each later one, and `}` (or `{}`) on close.
  private struct ObjectWriter {
    var isEmpty = true

    mutating func key(
      _ name: StaticString, _ writer: inout ForecastDocumentWriter,
      _ value: (inout ForecastDocumentWriter) -> Void
    ) {
      writer.out.append(isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
      isEmpty = false
      writer.out.append(UInt8(ascii: "\""))
      name.withUTF8Buffer { writer.out.append(contentsOf: $0) }
      writer.out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
      value(&writer)
    }

    func close(_ writer: inout ForecastDocumentWriter) {
      if isEmpty { writer.out.append(UInt8(ascii: "{")) }
      writer.out.append(UInt8(ascii: "}"))
    }
  }

  private mutating func array<Element>(_ elements: [Element], _ write: (inout Self, Element) -> Void) {
    out.append(UInt8(ascii: "["))
    for (index, element) in elements.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      write(&self, element)
    }
    out.append(UInt8(ascii: "]"))
  }

  /// A seed-schema path. (An absent optional is left out, key and all, as `encodeIfPresent` does.)
  private mutating func path(_ path: [DayValue]) {
    array(path) { writer, point in
      var pair = ObjectWriter()
      pair.key("day", &writer) { $0.literal(String(point.day)) }
      pair.key("value", &writer) { $0.number(point.value) }
      pair.close(&writer)
    }
  }

  /// `JSONEncoder`'s spelling: `description`, without a trailing `.0`.
  private mutating func number(_ value: Double) {
    guard value.isFinite else {
      isFinite = false
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    literal(text)
  }

  private mutating func literal(_ text: String) {
    out.append(contentsOf: text.utf8)
  }

  /// `JSONEncoder`'s escapes: quote, backslash and control characters; `/` and non-ASCII as is.
  private mutating func string(_ text: String) {
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: Array(#"\""#.utf8))
      case UInt8(ascii: "\\"): out.append(contentsOf: Array(#"\\"#.utf8))
      case 0x08: out.append(contentsOf: Array(#"\b"#.utf8))
      case 0x0C: out.append(contentsOf: Array(#"\f"#.utf8))
      case 0x0A: out.append(contentsOf: Array(#"\n"#.utf8))
      case 0x0D: out.append(contentsOf: Array(#"\r"#.utf8))
      case 0x09: out.append(contentsOf: Array(#"\t"#.utf8))
      case 0x00..<0x20:
        let hex = String(byte, radix: 16)
        out.append(contentsOf: Array((#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
