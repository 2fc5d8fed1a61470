import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainRender

@Suite("Forecast document writer")
struct ForecastDocumentWriterTests {
  static let path = SitePath("api/v1/forecasts/region/x.json")!

  /// The fixtures' weekly forecasts, and variants with what real documents vary in.
  static var documents: [(String, ForecastData)] {
    let base = SiteFixtures.forecast(name: "Alpha County", code: "AL", level: 1_250, growth: 1.18, risk: .red)
    var sparse = base
    sparse.actualCases = nil
    sparse.actualDeaths = nil
    sparse.forecastedCases = nil
    sparse.population = nil
    sparse.incidencePer100k = nil
    var daily = base
    daily.metrics[0].nextPeriod = HorizonForecast(
      horizon: 7, targetEndDate: Day(iso: "2026-11-28")!, quantiles: QuantileLevels.hub.map { 1e20 * $0 })
    daily.metrics[0].recent.append(DatedValue(date: Day(iso: "2026-11-22")!, value: nil))
    daily.forecastedDeaths = [DayValue(day: 1, value: 0.000_001_25), DayValue(day: 2, value: 3)]
    var named = base
    named.region = "Saint-Étienne \"Nord\" \\ a/b \t\n\u{1}\u{1f} 東京"
    named.sourceURL = "https://example.org/data?x=1&y=2"
    named.model = ""
    named.growthRate = -0.0
    named.volatility = 123_456_789_012_345_680_000
    var empty = base
    empty.metrics = []
    return [
      ("weekly", base), ("sparse", sparse), ("daily extras", daily), ("odd text and numbers", named),
      ("no metrics", empty),
    ]
  }

  @Test("writes the bytes JSONEncoder writes", arguments: documents)
  func matchesEncoder(name: String, forecast: ForecastData) throws {
    let encoded = try JSONOutput.file(forecast, at: Self.path).contents
    let written = try #require(ForecastDocumentWriter.bytes(forecast))
    #expect(
      String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self), "\(name)")
  }

  @Test("a number that is not finite is refused with its place, as the encoder refuses it")
  func nonFinite() {
    var forecast = SiteFixtures.forecast(name: "Alpha", code: "AL", level: 10, growth: 1, risk: .green)
    forecast.metrics[0].horizons[1].quantiles[4] = .nan
    #expect(ForecastDocumentWriter.bytes(forecast) == nil)
    #expect {
      try JSONOutput.forecastDocument(forecast, at: Self.path)
    } throws: { error in
      guard case RenderError.nonFiniteValue(_, let detail) = error else { return false }
      return detail.contains("horizons")
    }
  }
}
