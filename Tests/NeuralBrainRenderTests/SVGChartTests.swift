import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainRender

@Suite("SVG charts")
struct SVGChartTests {
  static let forecast = SiteFixtures.metricForecast(.cases, level: 1_250, growth: 1.18)

  /// A forecast whose numbers are broken in every way the chart must survive.
  static var broken: MetricForecast {
    var forecast = SiteFixtures.metricForecast(.deaths, level: 10, growth: 1.1)
    forecast.recent[2].value = .nan
    forecast.recent[5].value = .infinity
    forecast.horizons[1].quantiles[4] = .nan
    return forecast
  }

  static var empty: MetricForecast {
    var forecast = SiteFixtures.metricForecast(.cases, level: 0, growth: 1)
    forecast.recent = []
    forecast.horizons = []
    return forecast
  }

  @Test("the fan chart matches its golden file")
  func golden() throws {
    try Golden.check(
      SVGChart.fanChart(Self.forecast, regionName: "Alpha County", idPrefix: "fan-al-cases"), named: "fan-chart.svg")
  }

  @Test(
    "charts are accessible, responsive and free of NaN",
    arguments: [
      SVGChart.fanChart(forecast, regionName: "A & B"),
      SVGChart.fanChart(broken, regionName: "Broken"),
      SVGChart.fanChart(empty, regionName: "Empty"),
      SVGChart.sparkline(forecast, regionName: "A & B"),
      SVGChart.sparkline(broken, regionName: "Broken"),
      SVGChart.sparkline(empty, regionName: "Empty"),
    ])
  func properties(svg: String) throws {
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "))
    #expect(svg.contains("role=\"img\""))
    #expect(svg.contains("<title id="))
    #expect(svg.contains("<desc id="))
    #expect(svg.contains("width=\"100%\""))
    #expect(svg.contains("@media (prefers-color-scheme: dark)"))
    let root = try #require(svg.split(separator: "\n").first)
    #expect(!root.contains(" height=") && !root.contains("px"), "the root element must not fix a pixel size")
    for bad in ["NaN", "nan", "inf", "Infinity"] {
      #expect(!svg.contains(bad), "chart contains \(bad)")
    }
    #expect(XMLCheck.errors(in: svg) == [])
  }

  @Test("the description states the latest value and the forecast range")
  func description() throws {
    let svg = SVGChart.fanChart(Self.forecast, regionName: "Alpha County", idPrefix: "x")
    #expect(svg.contains("aria-labelledby=\"x-title x-desc\""))
    #expect(svg.contains("Last observed: 1,250 on 2026-11-21."))
    #expect(svg.contains("Median forecast for 2026-11-28: 1,475 (50% interval 1,033–1,917, 95% interval 634–2,316)."))
  }

  @Test("a 95% band far above the data is cut at a readable top, with a note of its real reach")
  func clippedBand() throws {
    var forecast = Self.forecast
    forecast.horizons[3].quantiles[QuantileLevels.central95.upper] = 90_000
    let svg = SVGChart.fanChart(forecast, regionName: "Alpha County", idPrefix: "wide")
    #expect(svg.contains("95% interval cut at the top: it reaches 90,000"))
    #expect(
      !svg.contains(">90,000</text>") && !svg.contains(">80,000</text>"), "the axis must not run to the band's top")
    #expect(!SVGChart.fanChart(Self.forecast, regionName: "Alpha County").contains("cut at the top"))
    #expect(XMLCheck.errors(in: svg) == [])
  }

  @Test(
    "value ticks are round numbers covering the data",
    arguments: [
      (0.0, 0.2, 1.0), (7.0, 2.0, 8.0), (1_917.0, 500.0, 2_000.0), (123_456.0, 50_000.0, 150_000.0),
    ])
  func valueTicks(maxValue: Double, step: Double, top: Double) {
    let axis = ChartScale.valueTicks(maxValue: maxValue)
    #expect(axis.step == step)
    #expect(axis.top == top)
    #expect(axis.ticks.first == 0)
  }

  @Test("date ticks stay on the weekly grid and number at most six")
  func dateTicks() {
    let start = Day(year: 2026, month: 10, day: 3)!
    let ticks = ChartScale.dateTicks(from: start, to: start.adding(days: 77), gridDays: 7)
    #expect(ticks.count <= 6)
    #expect(ticks.allSatisfy { ($0 - start) % 7 == 0 })
    #expect(ticks.first == start)
  }
}
