import Foundation
import NeuralBrainCore

/// Accessible, responsive SVG charts drawn without any charting library.
///
/// Every chart scales with its container (`viewBox`, `width="100%"`), names itself with
/// `role="img"`, `<title>` and `<desc>` (a sentence with the key numbers), uses the Okabe–Ito
/// palette with shape and opacity cues besides colour, and switches to dark colours through
/// `prefers-color-scheme`. Numbers are formatted without a locale, so output is deterministic.
public enum SVGChart {
  // MARK: - Fan chart

  /// The fan chart of one metric: what was observed, forecast median (dashed), and the 50% and
  /// 95% prediction bands, with date and value ticks and a value-axis title naming the unit and
  /// period. Weekly data are points joined by a line; daily data are bars under their trailing
  /// 7-day average, since weekday reporting makes single days jump.
  ///
  /// With a population the chart carries a second set of value ticks and title, per 100,000
  /// people (class `nb-u-rate`, hidden unless a page's stylesheet shows it instead of the counts'
  /// `nb-u-count`): the same drawing read in the other unit, so switching costs no second chart.
  ///
  /// - Parameters:
  ///   - forecast: the metric's recent observations and quantile forecast.
  ///   - regionName: display name, escaped here.
  ///   - idPrefix: prefix of the element ids (`<prefix>-title`, `<prefix>-desc`); turned into a
  ///     slug so several charts can share one page.
  ///   - axis: linear, or logarithmic (no band is cut at the top then).
  ///   - population: the region's population, for the per-100k ticks; nil draws counts only.
  /// - Returns: a standalone `<svg xmlns=…>` element, without an XML declaration.
  public static func fanChart(
    _ forecast: MetricForecast, regionName: String, idPrefix: String = "fan", axis: ValueAxis = .linear,
    population: Double? = nil
  ) -> String {
    let id = Slug.make(idPrefix)
    let observed = observedPoints(forecast)
    let bands = bandPoints(forecast)
    let frame = fanFrame
    let isDaily = forecast.frequency == .daily
    let title =
      "\(forecast.metric.displayName) in \(regionName): observed and forecast"
      + (axis == .log ? ", logarithmic scale" : "")
    var svg = SVGWriter()
    header(
      id: id, frame: frame, cssClass: "nb-chart", title: title,
      desc: description(forecast, regionName: regionName, observed: observed, bands: bands), into: &svg)
    svg.element("rect", ["class": "nb-bg", "x": "0", "y": "0", "width": .at(frame.width), "height": .at(frame.height)])

    let days = observed.map(\.date) + bands.map(\.date)
    guard let first = days.min(), let last = days.max() else {
      svg.element("text", ["class": "nb-text", "x": "360", "y": "180", "text-anchor": "middle"], text: "No data")
      svg.raw("</svg>\n")
      return svg.text
    }
    let start = first == last ? first.adding(days: -1) : first
    let end = first == last ? last.adding(days: 1) : last
    let widest = bands.map(\.upper95).max() ?? 0
    let yAxis = valueTicks(axis: axis, observed: observed, bands: bands)
    let scale = Scale(frame: frame, start: start, end: end, top: yAxis.top, floor: yAxis.floor, isLog: axis == .log)
    let clipped = widest > yAxis.top
    let left = frame.left
    let right = frame.width - frame.right
    let baseline = scale.y(0)

    svg.raw("<g class=\"nb-axes\" aria-hidden=\"true\">\n")
    unitAxis(
      yAxis.ticks.map { (scale.y($0), NumberFormat.tick($0, step: axis == .log ? $0 : yAxis.step)) },
      title: axisTitle(forecast), cssClass: "nb-u-count", frame: frame, into: &svg)
    if let population, population > 0 {
      let perPerson = 100_000 / population
      let rates = valueTicks(axis: axis, floor: yAxis.floor * perPerson, top: yAxis.top * perPerson)
      let shown = rates.ticks.filter {
        $0 >= yAxis.floor * perPerson * (1 - 1e-9) && $0 <= yAxis.top * perPerson * (1 + 1e-9)
      }
      unitAxis(
        shown.map { (scale.y($0 / perPerson), NumberFormat.tick($0, step: axis == .log ? $0 : rates.step)) },
        title: axisTitle(forecast, perHundredThousand: true), cssClass: "nb-u-rate", frame: frame, into: &svg)
    }
    svg.element(
      "line", ["class": "nb-axis-line", "x1": .at(left), "y1": .at(baseline), "x2": .at(right), "y2": .at(baseline)])
    for tick in ChartScale.dateTicks(from: start, to: end, gridDays: forecast.frequency.days) {
      let x = scale.x(tick)
      svg.element(
        "line", ["class": "nb-axis-line", "x1": .at(x), "y1": .at(baseline), "x2": .at(x), "y2": .at(baseline + 5)])
      svg.element(
        "text", ["class": "nb-text", "x": .at(x), "y": .at(baseline + 18), "text-anchor": "middle"], text: tick.iso)
    }
    svg.raw("</g>\n")

    let anchor = observed.last
    fan(bands, from: anchor, scale: scale, into: &svg)
    if let anchor {
      let x = scale.x(anchor.date)
      svg.element("line", ["class": "nb-now", "x1": .at(x), "y1": .at(frame.top), "x2": .at(x), "y2": .at(baseline)])
    }
    if isDaily {
      let width = max(1, (scale.x(end) - scale.x(start)) / Double(max(end - start, 1)) * 0.7)
      // One path of rectangles (`M x y h width v height h -width z` each): a tenth of the
      // bytes of a `<rect>` per day, drawn the same.
      var barWidth = PathData()
      barWidth.appendCoordinate(width)
      var bars = PathData()
      for point in observed {
        let top = scale.y(point.value)
        bars.append("M")
        bars.appendPoint(scale.x(point.date) - width / 2, top)
        bars.append("h")
        bars.append(barWidth)
        bars.append("v")
        bars.appendCoordinate(baseline - top)
        bars.append("h-")
        bars.append(barWidth)
        bars.append("z")
      }
      if !bars.isEmpty { svg.element("path", ["class": "nb-obs-bar", "d": .path(bars)]) }
      linePath(segments(sevenDayAverage(observed), step: 1), scale: scale, cssClass: "nb-avg", into: &svg)
    } else {
      linePath(segments(observed, step: forecast.frequency.days), scale: scale, cssClass: "nb-obs-line", into: &svg)
      svg.raw("<g class=\"nb-obs\">\n")
      for point in observed {
        svg.element("circle", ["cx": .at(scale.x(point.date)), "cy": .at(scale.y(point.value)), "r": "2.5"])
      }
      svg.raw("</g>\n")
    }
    medianPath(bands, from: anchor, scale: scale, into: &svg)
    svg.raw(isDaily ? fanLegends.daily : fanLegends.weekly)
    if clipped {
      svg.element(
        "text",
        [
          "class": "nb-text nb-clip-note", "x": .at(frame.width - frame.right), "y": .at(frame.top - 8),
          "text-anchor": "end",
        ],
        text: "95% interval cut at the top: it reaches \(NumberFormat.count(widest))")
    }
    svg.raw("</svg>\n")
    return svg.text
  }

  /// The value axis's title: what is counted, and over which period.
  static func axisTitle(_ forecast: MetricForecast, perHundredThousand: Bool = false) -> String {
    axisTitle(forecast.metric, frequency: forecast.frequency, perHundredThousand: perHundredThousand)
  }

  static func axisTitle(_ metric: Metric, frequency: Frequency, perHundredThousand: Bool = false) -> String {
    "\(metric.displayName) per \(perHundredThousand ? "100k people per " : "")" + (frequency == .daily ? "day" : "week")
  }

  /// The value axis of a chart: linear from zero up to a readable top (`readableTop`), or
  /// logarithmic from the power of ten below the smallest positive value up to everything drawn.
  static func valueTicks(
    axis: ValueAxis, observed: [Point], bands: [Band]
  ) -> (floor: Double, top: Double, step: Double, ticks: [Double]) {
    let widest = bands.map(\.upper95).max() ?? 0
    let highest = (observed.map(\.value) + [widest]).max() ?? 1
    switch axis {
    case .linear:
      let ticks = ChartScale.valueTicks(maxValue: min(highest, readableTop(observed: observed, bands: bands)))
      return (0, ticks.top, ticks.step, ticks.ticks)
    case .log:
      let positive = (observed.map(\.value) + bands.map(\.median)).filter { $0 > 0 }
      return valueTicks(axis: .log, floor: positive.min() ?? 1, top: highest)
    }
  }

  /// Ticks between `floor` and `top` in one unit (the per-100k axis of a drawn chart).
  static func valueTicks(
    axis: ValueAxis, floor: Double, top: Double
  ) -> (floor: Double, top: Double, step: Double, ticks: [Double]) {
    switch axis {
    case .linear:
      let ticks = ChartScale.valueTicks(maxValue: top)
      return (0, top, ticks.step, ticks.ticks.filter { $0 <= top * (1 + 1e-9) })
    case .log:
      let ticks = ChartScale.logTicks(minValue: floor, maxValue: top)
      return (ticks.floor, ticks.top, 0, ticks.ticks)
    }
  }

  /// The trailing 7-day mean at each day whose 7 days up to it were all reported: a line that
  /// weekday reporting does not make jump, and that no gap fills in by guessing.
  static func sevenDayAverage(_ points: [Point]) -> [Point] {
    // One point per day in date order (the last value of a day given twice): the seven days up
    // to a point are then the seven points up to it exactly when the one six back is six days
    // before it.
    let days =
      zip(points, points.dropFirst()).allSatisfy { $0.date < $1.date }
      ? points
      : Dictionary(points.map { ($0.date, $0) }, uniquingKeysWith: { $1 }).values.sorted { $0.date < $1.date }
    guard days.count >= 7 else { return [] }
    return (6..<days.count).compactMap { index in
      guard days[index - 6].date == days[index].date.adding(days: -6) else { return nil }
      // Summed from the day back, as the mean has always been summed.
      var total = 0.0
      for back in 0..<7 { total += days[index - back].value }
      return Point(date: days[index].date, value: total / 7)
    }
  }

  /// The highest value the value axis shows: everything observed and the 50% band, with room
  /// above, but never so high that a wide 95% band four weeks out flattens the observations
  /// (the band is then cut at the top and a note gives its real reach).
  static func readableTop(observed: [Point], bands: [Band]) -> Double {
    let observedTop = observed.map(\.value).max() ?? 0
    let centralTop = bands.map(\.upper50).max() ?? 0
    return max(observedTop, centralTop) * 2
  }

  // MARK: - Sparkline

  /// A small fan chart for the page that compares regions: the fan, the median and what was
  /// observed in the last 8 weeks (the 7-day average for daily data; bars would be a blur at
  /// this size), on the chart's own linear scale, labelled with its top value. Its styles are the page's
  /// (`.nb-small` in the site stylesheet), so a page of a hundred charts repeats none.
  public static func smallMultiple(
    _ forecast: MetricForecast, regionName: String, idPrefix: String
  ) -> String {
    let id = Slug.make(idPrefix)
    let isDaily = forecast.frequency == .daily
    let all = observedPoints(forecast)
    // The last 8 weeks only, so the scale follows the recent level, not last season's peak.
    let since = all.last?.date.adding(days: -smallMultipleDays) ?? Day(ordinal: 0)
    let observed = all.filter { $0.date >= since }
    let line = (isDaily ? sevenDayAverage(all) : all).filter { $0.date >= since }
    let bands = bandPoints(forecast)
    let frame = Frame(width: 240, height: 120, left: 4, right: 4, top: 20, bottom: 4)
    var svg = SVGWriter()
    header(
      id: id, frame: frame, cssClass: "nb-small",
      title: "\(forecast.metric.displayName) in \(regionName): observed and forecast",
      desc: description(forecast, regionName: regionName, observed: observed, bands: bands), into: &svg)
    let days = observed.map(\.date) + bands.map(\.date)
    if let first = days.min(), let last = days.max(), first < last {
      let yAxis = valueTicks(axis: .linear, observed: observed, bands: bands)
      let scale = Scale(frame: frame, start: first, end: last, top: yAxis.top)
      smallAxes(
        frame: frame, scale: scale,
        label: NumberFormat.tick(yAxis.top, step: yAxis.step) + " " + axisTitle(forecast).lowercased(), into: &svg)
      fan(bands, from: observed.last, scale: scale, into: &svg)
      linePath(
        segments(line, step: forecast.frequency.days), scale: scale, cssClass: isDaily ? "nb-avg" : "nb-obs-line",
        into: &svg)
      medianPath(bands, from: observed.last, scale: scale, into: &svg)
    }
    svg.raw("</svg>\n")
    return svg.text
  }

  /// A forecast published earlier set against what has since been observed: its fan and
  /// median from the last value it knew, the observations before and after (a line), and each
  /// observed target as a dot, filled when its 95% interval held it and hollow when not. The
  /// chart's own linear scale is labelled at its top, its dates at its foot; styles are the
  /// site stylesheet's (`.nb-small`), as on the compare page.
  public static func lookBack(
    _ past: PastForecast, observed recent: [DatedValue], frequency: Frequency, regionName: String, idPrefix: String
  ) -> String {
    lookBack(
      past, observed: recent, coverage: LookBackCoverage(past, observed: recent), frequency: frequency,
      regionName: regionName, idPrefix: idPrefix)
  }

  /// The look-back chart with its `coverage` already worked out (the page states it too).
  static func lookBack(
    _ past: PastForecast, observed recent: [DatedValue], coverage: LookBackCoverage, frequency: Frequency,
    regionName: String, idPrefix: String
  ) -> String {
    let id = Slug.make(idPrefix)
    let bands = bandPoints(past.horizons)
    let frame = Frame(width: 320, height: 160, left: 4, right: 4, top: 20, bottom: 20)
    var svg = SVGWriter()
    header(
      id: id, frame: frame, cssClass: "nb-small nb-lookback",
      title: "\(past.metric.displayName) in \(regionName): forecast of \(past.referenceDate.iso) against what followed",
      desc: "Forecast published for reference date \(past.referenceDate.iso) by \(past.model): "
        + coverage.sentence + ".", into: &svg)
    guard let firstTarget = bands.first?.date, let lastTarget = bands.last?.date else {
      svg.raw("</svg>\n")
      return svg.text
    }
    let start = firstTarget.adding(days: -3 * max(frequency.days, 7))
    let observed = observedPoints(recent).filter { $0.date >= start && $0.date <= lastTarget }
    let anchor = observed.last { $0.date < firstTarget }
    let yAxis = valueTicks(axis: .linear, observed: observed, bands: bands)
    let scale = Scale(frame: frame, start: start, end: lastTarget, top: yAxis.top)
    smallAxes(
      frame: frame, scale: scale,
      label: NumberFormat.tick(yAxis.top, step: yAxis.step) + " "
        + axisTitle(past.metric, frequency: frequency).lowercased(), into: &svg)
    let foot = frame.height - 5
    svg.element("text", ["class": "nb-text", "x": .at(frame.left), "y": .at(foot)], text: start.iso)
    svg.element(
      "text", ["class": "nb-text", "x": .at(frame.width - frame.right), "y": .at(foot), "text-anchor": "end"],
      text: lastTarget.iso)
    fan(bands, from: anchor, scale: scale, into: &svg)
    linePath(segments(observed, step: frequency.days), scale: scale, cssClass: "nb-obs-line", into: &svg)
    medianPath(bands, from: anchor, scale: scale, into: &svg)
    let drawn = Set(bands.map(\.date))
    for target in coverage.targets where drawn.contains(target.date) {
      svg.element(
        "circle",
        [
          "class": target.inside95 ? "nb-hit" : "nb-miss", "cx": .at(scale.x(target.date)),
          "cy": .at(scale.y(target.value)), "r": "3",
        ])
    }
    svg.raw("</svg>\n")
    return svg.text
  }

  /// Days of observations a small multiple shows before its forecast.
  static let smallMultipleDays = 56

  /// A small trend line for tables: recent observations (solid) and forecast median (dashed).
  public static func sparkline(
    _ forecast: MetricForecast, regionName: String, idPrefix: String = "spark"
  ) -> String {
    let id = Slug.make(idPrefix)
    let observed = observedPoints(forecast)
    let bands = bandPoints(forecast)
    let frame = Frame(width: 120, height: 32, left: 2, right: 2, top: 3, bottom: 3)
    let title = "\(forecast.metric.displayName) in \(regionName): recent trend and forecast median"
    var summary = "\(forecast.metric.displayName):"
    if let last = observed.last {
      summary += " last observed \(NumberFormat.count(last.value)) on \(last.date.iso);"
    } else {
      summary += " no recent observations;"
    }
    if let next = bands.first {
      summary += " median forecast \(NumberFormat.count(next.median)) for \(next.date.iso)."
    } else {
      summary += " no forecast."
    }
    var svg = SVGWriter()
    header(id: id, frame: frame, cssClass: "nb-spark", title: title, desc: summary, into: &svg)
    let days = observed.map(\.date) + bands.map(\.date)
    if let first = days.min(), let last = days.max(), first < last {
      let top = (observed.map(\.value) + bands.map(\.median)).max() ?? 1
      let scale = Scale(frame: frame, start: first, end: last, top: top > 0 ? top : 1)
      linePath(segments(observed, step: forecast.frequency.days), scale: scale, cssClass: "nb-sl-obs", into: &svg)
      let median = (observed.last.map { [$0] } ?? []) + bands.map { Point(date: $0.date, value: $0.median) }
      linePath([median], scale: scale, cssClass: "nb-sl-med", into: &svg)
      if let anchor = observed.last {
        svg.element(
          "circle", ["class": "nb-sl-dot", "cx": .at(scale.x(anchor.date)), "cy": .at(scale.y(anchor.value)), "r": "2"])
      }
    }
    svg.raw("</svg>\n")
    return svg.text
  }

  // MARK: - Implementation details

  /// One dated value on a chart.
  struct Point {
    var date: Day
    var value: Double
  }

  /// The quantiles one horizon contributes to the fan.
  struct Band {
    var date: Day
    var median: Double
    var lower50: Double
    var upper50: Double
    var lower95: Double
    var upper95: Double

    init(date: Day, quantiles: [Double]) {
      self.date = date
      median = quantiles[QuantileLevels.medianIndex]
      lower50 = quantiles[QuantileLevels.central50.lower]
      upper50 = quantiles[QuantileLevels.central50.upper]
      lower95 = quantiles[QuantileLevels.central95.lower]
      upper95 = quantiles[QuantileLevels.central95.upper]
    }

    /// A zero-width band at an observed value, where the fan starts.
    init(date: Day, value: Double) {
      self.date = date
      median = value
      lower50 = value
      upper50 = value
      lower95 = value
      upper95 = value
    }
  }

  /// Size and margins of a chart in viewBox units.
  struct Frame {
    var width: Double
    var height: Double
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
  }

  /// Maps dates and values to viewBox coordinates.
  struct Scale {
    var frame: Frame
    var start: Day
    var end: Day
    var top: Double
    /// The lowest value a logarithmic axis shows (zero and below are drawn there).
    var floor = 1.0
    var isLog = false

    func x(_ day: Day) -> Double {
      let span = Double(max(end - start, 1))
      return frame.left + Double(day - start) / span * (frame.width - frame.left - frame.right)
    }

    func y(_ value: Double) -> Double {
      let plot = frame.height - frame.top - frame.bottom
      let share =
        isLog ? (log10(max(value, floor)) - log10(floor)) / max(log10(top) - log10(floor), 1e-9) : value / top
      return frame.top + plot - min(max(share, 0), 1) * plot
    }
  }

  /// The fan chart's styles. A page carries them once, in the site stylesheet (`pageRules`);
  /// the downloadable chart file, which stands alone, in a `<style>` of its own (`standalone`).
  static let fanRules = """
    .nb-chart{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:12px}
    .nb-chart .nb-bg{fill:#ffffff}
    .nb-chart .nb-text{fill:#222222}
    .nb-chart .nb-grid{stroke:#e0e0e0;stroke-width:1}
    .nb-chart .nb-axis-line{stroke:#555555;stroke-width:1}
    .nb-chart .nb-band95{fill:#56B4E9;fill-opacity:0.35}
    .nb-chart .nb-band50{fill:#0072B2;fill-opacity:0.45}
    .nb-chart .nb-median{fill:none;stroke:#0072B2;stroke-width:2.5;stroke-dasharray:7 4}
    .nb-chart .nb-obs-line{fill:none;stroke:#000000;stroke-width:1.2}
    .nb-chart .nb-obs{fill:#000000}
    .nb-chart .nb-obs-bar{fill:#b8b8b8}
    .nb-chart .nb-avg{fill:none;stroke:#000000;stroke-width:2}
    .nb-chart .nb-axis-title{font-weight:600}
    .nb-chart .nb-u-rate{display:none}
    .nb-chart .nb-now{stroke:#D55E00;stroke-width:1;stroke-dasharray:2 3}
    @media (prefers-color-scheme: dark){
    .nb-chart .nb-bg{fill:#1c1c1e}
    .nb-chart .nb-text{fill:#e6e6e6}
    .nb-chart .nb-grid{stroke:#3a3a3c}
    .nb-chart .nb-axis-line{stroke:#aaaaaa}
    .nb-chart .nb-band95{fill:#56B4E9;fill-opacity:0.55}
    .nb-chart .nb-band50{fill:#A6D8F5;fill-opacity:0.6}
    .nb-chart .nb-median{stroke:#F0E442}
    .nb-chart .nb-obs-line{stroke:#f2f2f2}
    .nb-chart .nb-obs{fill:#f2f2f2}
    .nb-chart .nb-obs-bar{fill:#6b6b6b}
    .nb-chart .nb-avg{stroke:#f2f2f2}
    }

    """

  /// The sparkline's styles, in the site stylesheet only: sparklines are drawn for pages.
  static let sparklineRules = """
    .nb-spark .nb-sl-obs{fill:none;stroke:#000000;stroke-width:1.5}
    .nb-spark .nb-sl-med{fill:none;stroke:#0072B2;stroke-width:1.5;stroke-dasharray:3 2}
    .nb-spark .nb-sl-dot{fill:#D55E00}
    @media (prefers-color-scheme: dark){.nb-spark .nb-sl-obs{stroke:#f0f0f0}.nb-spark .nb-sl-med{stroke:#56B4E9}}

    """

  /// The rules the site stylesheet begins with, so that a page of many charts and sparklines
  /// repeats no `<style>`; the stylesheet template's own rules follow and override them.
  public static let pageRules =
    "/* Charts and sparklines (NeuralBrain's; rules below override them). */\n" + fanRules + sparklineRules

  /// A fan chart as a file of its own: `chart` with the fan chart's styles inside it.
  public static func standalone(_ chart: String) -> String {
    // A byte search: Foundation's `range(of:)` compares as UTF-16, ten times slower here.
    guard let end = chart.utf8.firstRange(of: "</desc>\n".utf8)?.upperBound else { return chart }
    return chart[..<end] + "<style>\n" + fanRules + "</style>\n" + chart[end...]
  }

  private static func header(
    id: String, frame: Frame, cssClass: String, title: String, desc: String, into svg: inout SVGWriter
  ) {
    svg.start(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": "0 0 \(NumberFormat.trimmed(frame.width)) \(NumberFormat.trimmed(frame.height))",
        "width": "100%", "preserveAspectRatio": "xMidYMid meet", "role": "img",
        "aria-labelledby": "\(id)-title \(id)-desc", "class": .text(cssClass),
      ])
    svg.element("title", ["id": "\(id)-title"], text: title)
    svg.element("desc", ["id": "\(id)-desc"], text: desc)
  }

  private static func description(
    _ forecast: MetricForecast, regionName: String, observed: [Point], bands: [Band]
  ) -> String {
    var text =
      "\(forecast.frequency.rawValue.capitalized) \(forecast.metric.displayName.lowercased()) in \(regionName)."
    if let last = observed.last {
      text += " Last observed: \(NumberFormat.count(last.value)) on \(last.date.iso)."
    }
    for band in [bands.first, bands.count > 1 ? bands.last : nil].compactMap({ $0 }) {
      text +=
        " Median forecast for \(band.date.iso): \(NumberFormat.count(band.median))"
        + " (50% interval \(NumberFormat.count(band.lower50))–\(NumberFormat.count(band.upper50)),"
        + " 95% interval \(NumberFormat.count(band.lower95))–\(NumberFormat.count(band.upper95)))."
    }
    if bands.isEmpty { text += " No forecast available." }
    return text
  }

  /// Grid lines at `ticks` (y coordinate and label) with their labels, and the axis title, in
  /// one group of class `cssClass` (the unit they read in).
  private static func unitAxis(
    _ ticks: [(y: Double, label: String)], title: String, cssClass: StaticString, frame: Frame,
    into svg: inout SVGWriter
  ) {
    svg.raw("<g class=\"")
    svg.raw(cssClass)
    svg.raw("\">\n")
    for tick in ticks {
      svg.element(
        "line",
        [
          "class": "nb-grid", "x1": .at(frame.left), "y1": .at(tick.y), "x2": .at(frame.width - frame.right),
          "y2": .at(tick.y),
        ])
      svg.element(
        "text", ["class": "nb-text", "x": .at(frame.left - 6), "y": .at(tick.y + 4), "text-anchor": "end"],
        text: tick.label)
    }
    svg.element(
      "text",
      [
        "class": "nb-text nb-axis-title", "transform": "rotate(-90)",
        "x": .at(-(frame.top + (frame.height - frame.top - frame.bottom) / 2)), "y": "14", "text-anchor": "middle",
      ], text: title)
    svg.raw("</g>\n")
  }

  /// The frame of every fan chart.
  private static let fanFrame = Frame(width: 720, height: 360, left: 78, right: 20, top: 44, bottom: 40)
  /// The fan charts' legends, the same in every chart of a frequency: drawn once.
  private static let fanLegends = (
    weekly: legend(frame: fanFrame, isDaily: false), daily: legend(frame: fanFrame, isDaily: true)
  )

  private static func legend(frame: Frame, isDaily: Bool) -> SVGWriter {
    let x = frame.left
    let y = 18.0
    var svg = SVGWriter()
    svg.raw("<g class=\"nb-legend\" aria-hidden=\"true\">\n")
    if isDaily {
      svg.element("rect", ["class": "nb-obs-bar", "x": .at(x + 2), "y": .at(y - 10), "width": "6", "height": "12"])
      svg.element("text", ["class": "nb-text", "x": .at(x + 12), "y": .at(y)], text: "Reported")
      svg.element(
        "line", ["class": "nb-avg", "x1": .at(x + 82), "y1": .at(y - 4), "x2": .at(x + 102), "y2": .at(y - 4)])
      svg.element("text", ["class": "nb-text", "x": .at(x + 106), "y": .at(y)], text: "7-day average")
    } else {
      svg.element("circle", ["class": "nb-obs", "cx": .at(x + 6), "cy": .at(y - 4), "r": "3"])
      svg.element("text", ["class": "nb-text", "x": .at(x + 14), "y": .at(y)], text: "Observed")
    }
    // Daily legends have one more entry, so the forecast's entries start further right.
    let shift = isDaily ? 120.0 : 0
    svg.element(
      "line",
      ["class": "nb-median", "x1": .at(x + shift + 90), "y1": .at(y - 4), "x2": .at(x + shift + 120), "y2": .at(y - 4)])
    svg.element("text", ["class": "nb-text", "x": .at(x + shift + 126), "y": .at(y)], text: "Forecast median")
    svg.element(
      "rect", ["class": "nb-band50", "x": .at(x + shift + 240), "y": .at(y - 10), "width": "18", "height": "12"])
    svg.element("text", ["class": "nb-text", "x": .at(x + shift + 264), "y": .at(y)], text: "50% interval")
    svg.element(
      "rect", ["class": "nb-band95", "x": .at(x + shift + 360), "y": .at(y - 10), "width": "18", "height": "12"])
    svg.element("text", ["class": "nb-text", "x": .at(x + shift + 384), "y": .at(y)], text: "95% interval")
    svg.raw("</g>\n")
    return svg
  }

  /// A small chart's frame: a rule at the top value, which `label` names above it, and the zero line.
  private static func smallAxes(frame: Frame, scale: Scale, label: String, into svg: inout SVGWriter) {
    let baseline = scale.y(0)
    let right = frame.width - frame.right
    svg.element(
      "line", ["class": "nb-grid", "x1": .at(frame.left), "y1": .at(frame.top), "x2": .at(right), "y2": .at(frame.top)])
    svg.element(
      "line",
      ["class": "nb-axis-line", "x1": .at(frame.left), "y1": .at(baseline), "x2": .at(right), "y2": .at(baseline)])
    svg.element("text", ["class": "nb-text", "x": .at(frame.left), "y": "14"], text: label)
  }

  private static func observedPoints(_ forecast: MetricForecast) -> [Point] { observedPoints(forecast.recent) }

  private static func observedPoints(_ recent: [DatedValue]) -> [Point] {
    recent.compactMap { item in
      guard let value = item.value, value.isFinite else { return nil }
      return Point(date: item.date, value: value)
    }
  }

  private static func bandPoints(_ forecast: MetricForecast) -> [Band] { bandPoints(forecast.horizons) }

  private static func bandPoints(_ horizons: [HorizonForecast]) -> [Band] {
    horizons
      .filter { $0.quantiles.count == QuantileLevels.hub.count && $0.quantiles.allSatisfy(\.isFinite) }
      .map { Band(date: $0.targetEndDate, quantiles: $0.quantiles) }
      .sorted { $0.date < $1.date }
  }

  /// Splits observations into runs without gaps, so a missing report breaks the line.
  private static func segments(_ points: [Point], step: Int) -> [[Point]] {
    var result: [[Point]] = []
    var previous: Day?
    for point in points {
      if let previous, point.date - previous <= step, !result.isEmpty {
        result[result.count - 1].append(point)
      } else {
        result.append([point])
      }
      previous = point.date
    }
    return result
  }

  /// The 95% and 50% bands from the last observation on, the 95% band held at the axis top.
  private static func fan(_ bands: [Band], from anchor: Point?, scale: Scale, into svg: inout SVGWriter) {
    guard !bands.isEmpty else { return }
    let start = anchor.map { Band(date: $0.date, value: $0.value) }
    let held = bands.map { band in
      var held = band
      held.upper95 = min(band.upper95, scale.top)
      return held
    }
    bandPath(held, start: start, scale: scale, cssClass: "nb-band95", lower: \.lower95, upper: \.upper95, into: &svg)
    bandPath(bands, start: start, scale: scale, cssClass: "nb-band50", lower: \.lower50, upper: \.upper50, into: &svg)
  }

  /// The forecast median from the last observation on.
  private static func medianPath(_ bands: [Band], from anchor: Point?, scale: Scale, into svg: inout SVGWriter) {
    guard !bands.isEmpty else { return }
    let path = (anchor.map { [$0] } ?? []) + bands.map { Point(date: $0.date, value: $0.median) }
    linePath([path], scale: scale, cssClass: "nb-median", into: &svg)
  }

  private static func linePath(
    _ segments: [[Point]], scale: Scale, cssClass: String, into svg: inout SVGWriter
  ) {
    var d = PathData()
    for segment in segments where segment.count > 1 {
      for (index, point) in segment.enumerated() {
        d.append(index == 0 ? (d.isEmpty ? "M" : " M") : " L")
        d.appendPoint(scale.x(point.date), scale.y(point.value))
      }
    }
    if !d.isEmpty { svg.element("path", ["class": .text(cssClass), "d": .path(d)]) }
  }

  private static func bandPath(
    _ bands: [Band], start: Band?, scale: Scale, cssClass: String,
    lower: KeyPath<Band, Double>, upper: KeyPath<Band, Double>, into svg: inout SVGWriter
  ) {
    let all = (start.map { [$0] } ?? []) + bands
    let edge = all.map { ($0.date, $0[keyPath: upper]) } + all.reversed().map { ($0.date, $0[keyPath: lower]) }
    var d = PathData()
    for (index, (date, value)) in edge.enumerated() {
      d.append(index == 0 ? "M" : " L")
      d.appendPoint(scale.x(date), scale.y(value))
    }
    d.append(" Z")
    svg.element("path", ["class": .text(cssClass), "d": .path(d)])
  }
}
