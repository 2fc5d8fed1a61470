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

  static let daily = SiteFixtures.dailyMetricForecast(.cases, level: 300)

  static var empty: MetricForecast {
    var forecast = SiteFixtures.metricForecast(.cases, level: 0, growth: 1)
    forecast.recent = []
    forecast.horizons = []
    return forecast
  }

  @Test("the fan chart file matches its golden file")
  func golden() throws {
    try Golden.check(
      SVGChart.standalone(SVGChart.fanChart(Self.forecast, regionName: "Alpha County", idPrefix: "fan-al-cases")),
      named: "fan-chart.svg")
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
      SVGChart.fanChart(forecast, regionName: "A & B", axis: .log, population: 1_000_000),
      SVGChart.fanChart(broken, regionName: "Broken", axis: .log, population: 10),
      SVGChart.fanChart(empty, regionName: "Empty", axis: .log),
      SVGChart.fanChart(daily, regionName: "Daily", population: 5_000_000),
      SVGChart.fanChart(daily, regionName: "Daily", axis: .log),
    ])
  func properties(svg: String) throws {
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "))
    #expect(svg.contains("role=\"img\""))
    #expect(svg.contains("<title id="))
    #expect(svg.contains("<desc id="))
    #expect(svg.contains("width=\"100%\""))
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

  @Test("every chart titles its value axis with the unit and period")
  func axisTitle() {
    #expect(SVGChart.fanChart(Self.forecast, regionName: "A").contains(">Cases per week</text>"))
    #expect(SVGChart.fanChart(Self.daily, regionName: "A").contains(">Cases per day</text>"))
    let deaths = SiteFixtures.metricForecast(.deaths, level: 10, growth: 1)
    #expect(SVGChart.fanChart(deaths, regionName: "A").contains(">Deaths per week</text>"))
  }

  @Test("daily data are bars under their 7-day average, and the legend says so")
  func dailyBars() throws {
    let svg = SVGChart.fanChart(Self.daily, regionName: "Daily", idPrefix: "d")
    let path = try #require(svg.firstMatch(of: /<path class="nb-obs-bar" d="([^"]*)"\/>/)).output.1
    let bars = path.matches(of: /M([0-9.]+) ([0-9.]+)h([0-9.]+)v([0-9.]+)h-([0-9.]+)z/)
    #expect(bars.count == 34, "one bar per reported day (35 days, one missing)")
    #expect(bars.map(\.output.0.count).reduce(0, +) == path.count, "the path is bars and nothing else")
    for bar in bars {
      #expect(bar.output.3 == bar.output.5, "each bar goes back as far as it went")
      let bottom = try #require(Double(bar.output.2)) + (try #require(Double(bar.output.4)))
      #expect(abs(bottom - 320) < 0.11, "each bar stands on the baseline (y 320), not \(bottom)")
    }
    #expect(svg.contains("<path class=\"nb-avg\""))
    #expect(svg.contains(">Reported</text>") && svg.contains(">7-day average</text>"))
    #expect(!svg.contains("<g class=\"nb-obs\">"), "no points for daily data")
    let weekly = SVGChart.fanChart(Self.forecast, regionName: "Weekly")
    #expect(
      weekly.contains("<g class=\"nb-obs\">") && !weekly.contains("class=\"nb-obs-bar\"")
        && !weekly.contains("class=\"nb-avg\""))
  }

  @Test("a chart for a page carries no styles (the site stylesheet has them); the chart file carries them once")
  func standaloneStyles() {
    let embedded = SVGChart.fanChart(Self.daily, regionName: "Daily", idPrefix: "d")
    #expect(!embedded.contains("<style>"))
    let file = SVGChart.standalone(embedded)
    #expect(file.components(separatedBy: "<style>").count == 2)
    #expect(file.contains("</desc>\n<style>\n" + SVGChart.fanRules + "</style>\n"))
    #expect(file.replacingOccurrences(of: "<style>\n" + SVGChart.fanRules + "</style>\n", with: "") == embedded)
    #expect(SVGChart.pageRules.contains(SVGChart.fanRules) && SVGChart.pageRules.contains(SVGChart.sparklineRules))
    for rules in [SVGChart.fanRules, SVGChart.sparklineRules] {
      #expect(rules.contains("@media (prefers-color-scheme: dark)"), "dark colours for \(rules.prefix(12))")
    }
    #expect(!SVGChart.sparkline(Self.daily, regionName: "Daily").contains("<style>"))
  }

  @Test("the 7-day average needs all seven days up to a day, and is their mean")
  func sevenDayAverage() {
    let start = Day(year: 2026, month: 1, day: 1)!
    let points = (0..<10).filter { $0 != 8 }.map { SVGChart.Point(date: start.adding(days: $0), value: Double($0)) }
    let average = SVGChart.sevenDayAverage(points)
    #expect(average.map(\.date) == [start.adding(days: 6), start.adding(days: 7)])
    #expect(average.map(\.value) == [3, 4])
  }

  @Test("a logarithmic chart says so, ticks at powers of ten and cuts no band")
  func logarithmic() throws {
    var forecast = Self.forecast
    forecast.horizons[3].quantiles[QuantileLevels.central95.upper] = 90_000
    let svg = SVGChart.fanChart(forecast, regionName: "Alpha County", idPrefix: "l", axis: .log)
    #expect(svg.contains("observed and forecast, logarithmic scale</title>"))
    for label in [">100</text>", ">1,000</text>", ">10,000</text>", ">100,000</text>"] {
      #expect(svg.contains(label), "missing tick \(label)")
    }
    #expect(!svg.contains("cut at the top"))
    #expect(!SVGChart.fanChart(forecast, regionName: "Alpha County").contains("logarithmic"))
  }

  @Test("with a population the chart also reads per 100,000 people; without one it does not")
  func perHundredThousand() throws {
    let svg = SVGChart.fanChart(Self.forecast, regionName: "A", population: 2_000_000)
    let rate = try #require(svg.firstRange(of: "<g class=\"nb-u-rate\">"))
    #expect(svg[rate.upperBound...].contains(">Cases per 100k people per week</text>"))
    // 2,000 cases in 2 million people is 100 per 100k: the count axis's top tick is the rate's.
    #expect(svg.contains(">2,000</text>") && svg[rate.upperBound...].contains(">100</text>"))
    #expect(SVGChart.fanRules.contains(".nb-chart .nb-u-rate{display:none}"))
    let counts = SVGChart.fanChart(Self.forecast, regionName: "A")
    #expect(counts.contains("<g class=\"nb-u-count\">") && !counts.contains("<g class=\"nb-u-rate\">"))
    #expect(!SVGChart.fanChart(Self.forecast, regionName: "A", population: 0).contains("<g class=\"nb-u-rate\">"))
  }

  @Test(
    "logarithmic ticks span the data from a power of ten, at most six decades",
    arguments: [
      (3.0, 4.0, 1.0, 10.0, [1.0, 2, 5, 10]),
      (12.0, 1_917.0, 10.0, 2_000.0, [10.0, 100, 1_000]),
      (0.5, 50.0, 0.1, 50.0, [0.1, 1, 10]),
      (0.001, 900_000.0, 1.0, 1_000_000.0, [1.0, 10, 100, 1_000, 10_000, 100_000, 1_000_000]),
      (1.0, 1.0, 1.0, 10.0, [1.0, 2, 5, 10]),
    ])
  func logTicks(minValue: Double, maxValue: Double, floor: Double, top: Double, ticks: [Double]) {
    let axis = ChartScale.logTicks(minValue: minValue, maxValue: maxValue)
    #expect(axis.floor == floor)
    #expect(axis.top == top)
    #expect(axis.ticks.map { ($0 * 1e9).rounded() } == ticks.map { ($0 * 1e9).rounded() })
  }

  @Test("a small multiple draws the fan on its own labelled scale, with the page's styles")
  func smallMultiple() throws {
    let svg = SVGChart.smallMultiple(Self.forecast, regionName: "A & B", idPrefix: "small-ab")
    #expect(svg.contains("class=\"nb-small\"") && !svg.contains("<style>"))
    #expect(svg.contains("nb-band95") && svg.contains("nb-band50") && svg.contains("nb-median"))
    #expect(svg.contains(">4,000 cases per week</text>"))
    #expect(svg.contains("Cases in A &amp; B: observed and forecast"))
    let daily = SVGChart.smallMultiple(Self.daily, regionName: "D", idPrefix: "small-d")
    #expect(daily.contains("nb-avg") && !daily.contains("<rect"))
    for chart in [svg, daily, SVGChart.smallMultiple(Self.empty, regionName: "E", idPrefix: "e")] {
      #expect(XMLCheck.errors(in: chart) == [])
      #expect(!chart.contains("NaN") && !chart.contains("inf"))
    }
  }

  @Test("a look back marks each observed target inside (filled) or outside (hollow) the earlier 95% interval")
  func lookBack() throws {
    let observed = Self.forecast.recent
    let reference = SiteFixtures.lastObserved.adding(days: -14)
    // Centred on what was observed, except the last target, forecast at ten times it.
    let horizons = (0...2).map { step -> HorizonForecast in
      let date = reference.adding(days: 7 * step)
      let value = observed.first { $0.date == date }?.value ?? 0
      let centre = step == 2 ? value * 10 : value
      return HorizonForecast(
        horizon: step, targetEndDate: date, quantiles: QuantileLevels.hub.map { centre * (0.5 + $0) })
    }
    let past = PastForecast(
      weeksEarlier: 2, metric: .cases, referenceDate: reference, model: "local/local-ensemble-v1", horizons: horizons)
    let svg = SVGChart.lookBack(past, observed: observed, frequency: .weekly, regionName: "A & B", idPrefix: "back-ab")
    #expect(svg.components(separatedBy: "class=\"nb-hit\"").count - 1 == 2)
    #expect(svg.components(separatedBy: "class=\"nb-miss\"").count - 1 == 1)
    #expect(svg.contains("2 of 3 observed targets inside the 95% interval, 2 inside the 50% interval."))
    #expect(svg.contains("cases per week</text>") && svg.contains(">\(SiteFixtures.lastObserved.iso)</text>"))
    #expect(XMLCheck.errors(in: svg) == [])
    let unseen = PastForecast(
      weeksEarlier: 1, metric: .cases, referenceDate: SiteFixtures.lastObserved.adding(days: 7), model: "m",
      horizons: [])
    let empty = SVGChart.lookBack(unseen, observed: observed, frequency: .weekly, regionName: "E", idPrefix: "e")
    #expect(empty.contains("none of its target dates has been observed yet"))
    #expect(XMLCheck.errors(in: empty) == [])
  }

  /// WCAG 2 contrast ratio of two sRGB colours.
  static func contrast(_ a: [Double], _ b: [Double]) -> Double {
    func luminance(_ rgb: [Double]) -> Double {
      let linear = rgb.map { channel -> Double in
        let c = channel / 255
        return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
      }
      return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
  }

  /// `#rrggbb` as three channels.
  static func rgb(_ hex: Substring) -> [Double] {
    let value = Int(hex.dropFirst(), radix: 16) ?? 0
    return [Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF)]
  }

  @Test("in dark mode both bands stand out from the chart's background by 3:1 or more, as drawn (fill over fill)")
  func darkBandContrast() throws {
    let dark = try #require(SVGChart.fanRules.components(separatedBy: "prefers-color-scheme: dark").last)
    func rule(_ name: String) throws -> (color: [Double], opacity: Double) {
      let pattern = try Regex(".nb-\(name)\\{fill:(#[0-9A-Fa-f]{6})(;fill-opacity:([0-9.]+))?")
      let match = try #require(dark.firstMatch(of: pattern), "no dark rule for \(name)")
      let color = Self.rgb(try #require(match.output[1].substring))
      return (color, match.output[3].substring.flatMap { Double($0) } ?? 1)
    }
    func over(_ top: (color: [Double], opacity: Double), _ base: [Double]) -> [Double] {
      zip(top.color, base).map { $1 + top.opacity * ($0 - $1) }
    }
    let background = try rule("bg").color
    let band95 = over(try rule("band95"), background)
    let band50 = over(try rule("band50"), band95)
    #expect(Self.contrast(band95, background) >= 3, "95% band: \(Self.contrast(band95, background)):1")
    #expect(Self.contrast(band50, background) >= 3, "50% band: \(Self.contrast(band50, background)):1")
  }
}
