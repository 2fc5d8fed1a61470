import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainRender

/// The plain-language verdict: built from the numbers, one unit, and never a direction that the
/// forecast does not support.
@Suite("Verdict sentences")
struct VerdictTests {
  @Test("a clear rise reads as rising, with the week's median, the 95% range and the rank")
  func rising() {
    let content = SiteFixtures.content()
    let alpha = content.forecasts[0]
    let sentence = Verdict.sentence(for: alpha, among: content.forecasts)
    // Alpha: last week 1,250, next week's quantiles 1,475 × (0.4 + 1.2τ): 25% at 1,032 → not a clear rise.
    #expect(sentence.hasPrefix("No clear direction: about 1,500 cases expected in the week ending 2026-11-28"))
    #expect(sentence.contains("(95% range 634–2,300)"))
    #expect(sentence.hasSuffix("; higher than 2 of 3 regions per 100k."))
  }

  @Test(
    "a direction is stated only when the 50% interval is on that side of the last period",
    arguments: [
      (1.18, 0.02, Trend.increasing, "Rising"),
      (1.18, 0.6, .increasing, "No clear direction"),
      (0.7, 0.02, .decreasing, "Falling"),
      (0.7, 0.02, .stable, "No clear direction"),
      (1.0, 0.02, .stable, "Steady"),
      (1.0, 0.02, .increasing, "No clear direction"),
    ] as [(Double, Double, Trend, String)])
  func direction(growth: Double, spread: Double, trend: Trend, expected: String) {
    var forecast = SiteFixtures.forecast(name: "R", code: "R", level: 1_000, growth: growth, risk: .green)
    forecast.trend = trend
    for index in forecast.metrics.indices {
      forecast.metrics[index].horizons = forecast.metrics[index].horizons.map { horizon in
        let median = horizon.median
        return HorizonForecast(
          horizon: horizon.horizon, targetEndDate: horizon.targetEndDate,
          quantiles: QuantileLevels.hub.map { median * (1 + spread * 2 * ($0 - 0.5)) })
      }
    }
    #expect(Verdict.sentence(for: forecast, among: [forecast]).hasPrefix(expected + ":"))
  }

  @Test(
    "counts read as people say them",
    arguments: [
      (7.4, "7"), (999.6, "1,000"), (1_234, "1,200"), (25_123, "25,000"), (41_600, "42,000"), (1_234_567, "1,200,000"),
    ])
  func rounding(value: Double, expected: String) {
    #expect(Verdict.rounded(value) == expected)
  }

  @Test("pages and the e-mail carry the verdict; daily data read as the next 7 days' total")
  func published() throws {
    let files = try SiteFixtures.files(SiteFixtures.content())
    let index = try #require(files["index.html"])
    #expect(index.contains("cases expected in the week ending 2026-11-28"))
    let region = try #require(files["region/al.html"])
    #expect(region.contains("<p class=\"verdict\">"))
  }
}
