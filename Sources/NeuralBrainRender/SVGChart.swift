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

  /// The fan chart of one metric: observed points and line, forecast median (dashed), and the
  /// 50% and 95% prediction bands, with date and value ticks.
  ///
  /// - Parameters:
  ///   - forecast: the metric's recent observations and quantile forecast.
  ///   - regionName: display name, escaped here.
  ///   - idPrefix: prefix of the element ids (`<prefix>-title`, `<prefix>-desc`); turned into a
  ///     slug so several charts can share one page.
  /// - Returns: a standalone `<svg xmlns=…>` element, without an XML declaration.
  public static func fanChart(
    _ forecast: MetricForecast, regionName: String, idPrefix: String = "fan"
  ) -> String {
    let id = Slug.make(idPrefix)
    let observed = observedPoints(forecast)
    let bands = bandPoints(forecast)
    let frame = Frame(width: 720, height: 360, left: 64, right: 20, top: 44, bottom: 40)
    let title = "\(forecast.metric.displayName) in \(regionName): observed and forecast"
    var svg = header(
      id: id, frame: frame, cssClass: "nb-chart", title: title,
      desc: description(
        forecast, regionName: regionName, observed: observed, bands: bands))
    svg += style
    svg += tag(
      "rect",
      ["class": "nb-bg", "x": "0", "y": "0", "width": coordinate(frame.width), "height": coordinate(frame.height)])

    let days = observed.map(\.date) + bands.map(\.date)
    guard let first = days.min(), let last = days.max() else {
      svg += tag("text", ["class": "nb-text", "x": "360", "y": "180", "text-anchor": "middle"], text: "No data")
      return svg + "</svg>\n"
    }
    let start = first == last ? first.adding(days: -1) : first
    let end = first == last ? last.adding(days: 1) : last
    let widest = bands.map(\.upper95).max() ?? 0
    let yAxis = ChartScale.valueTicks(
      maxValue: min(
        (observed.map(\.value) + [widest]).max() ?? 1, readableTop(observed: observed, bands: bands)))
    let scale = Scale(frame: frame, start: start, end: end, top: yAxis.top)
    let clipped = widest > yAxis.top
    let left = coordinate(frame.left)
    let right = coordinate(frame.width - frame.right)
    let baseline = scale.y(0)

    svg += "<g class=\"nb-axes\" aria-hidden=\"true\">\n"
    for tick in yAxis.ticks {
      let y = scale.y(tick)
      svg += tag("line", ["class": "nb-grid", "x1": left, "y1": coordinate(y), "x2": right, "y2": coordinate(y)])
      svg += tag(
        "text", ["class": "nb-text", "x": coordinate(frame.left - 6), "y": coordinate(y + 4), "text-anchor": "end"],
        text: NumberFormat.tick(tick, step: yAxis.step))
    }
    svg += tag(
      "line",
      ["class": "nb-axis-line", "x1": left, "y1": coordinate(baseline), "x2": right, "y2": coordinate(baseline)])
    for tick in ChartScale.dateTicks(from: start, to: end, gridDays: forecast.frequency.days) {
      let x = coordinate(scale.x(tick))
      svg += tag(
        "line", ["class": "nb-axis-line", "x1": x, "y1": coordinate(baseline), "x2": x, "y2": coordinate(baseline + 5)])
      svg += tag(
        "text", ["class": "nb-text", "x": x, "y": coordinate(baseline + 18), "text-anchor": "middle"], text: tick.iso)
    }
    svg += "</g>\n"

    let anchor = observed.last
    if !bands.isEmpty {
      let start = anchor.map { Band(date: $0.date, value: $0.value) }
      let held = bands.map { band in
        var held = band
        held.upper95 = min(band.upper95, yAxis.top)
        return held
      }
      svg += bandPath(held, start: start, scale: scale, cssClass: "nb-band95", lower: \.lower95, upper: \.upper95)
      svg += bandPath(bands, start: start, scale: scale, cssClass: "nb-band50", lower: \.lower50, upper: \.upper50)
    }
    if let anchor {
      let x = coordinate(scale.x(anchor.date))
      svg += tag(
        "line", ["class": "nb-now", "x1": x, "y1": coordinate(frame.top), "x2": x, "y2": coordinate(baseline)])
    }
    svg += linePath(segments(observed, step: forecast.frequency.days), scale: scale, cssClass: "nb-obs-line")
    svg += "<g class=\"nb-obs\">\n"
    for point in observed {
      svg += tag("circle", ["cx": coordinate(scale.x(point.date)), "cy": coordinate(scale.y(point.value)), "r": "2.5"])
    }
    svg += "</g>\n"
    if !bands.isEmpty {
      let path = (anchor.map { [$0] } ?? []) + bands.map { Point(date: $0.date, value: $0.median) }
      svg += linePath([path], scale: scale, cssClass: "nb-median")
    }
    svg += legend(frame: frame)
    if clipped {
      svg += tag(
        "text",
        [
          "class": "nb-text nb-clip-note", "x": coordinate(frame.width - frame.right), "y": coordinate(frame.top - 8),
          "text-anchor": "end",
        ],
        text: "95% interval cut at the top: it reaches \(NumberFormat.count(widest))")
    }
    return svg + "</svg>\n"
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
    var svg = header(id: id, frame: frame, cssClass: "nb-spark", title: title, desc: summary)
    svg +=
      "<style>.nb-spark .nb-sl-obs{fill:none;stroke:#000000;stroke-width:1.5}"
      + ".nb-spark .nb-sl-med{fill:none;stroke:#0072B2;stroke-width:1.5;stroke-dasharray:3 2}"
      + ".nb-spark .nb-sl-dot{fill:#D55E00}"
      + "@media (prefers-color-scheme: dark){.nb-spark .nb-sl-obs{stroke:#f0f0f0}"
      + ".nb-spark .nb-sl-med{stroke:#56B4E9}}</style>\n"
    let days = observed.map(\.date) + bands.map(\.date)
    guard let first = days.min(), let last = days.max(), first < last else { return svg + "</svg>\n" }
    let top = (observed.map(\.value) + bands.map(\.median)).max() ?? 1
    let scale = Scale(frame: frame, start: first, end: last, top: top > 0 ? top : 1)
    svg += linePath(segments(observed, step: forecast.frequency.days), scale: scale, cssClass: "nb-sl-obs")
    let median = (observed.last.map { [$0] } ?? []) + bands.map { Point(date: $0.date, value: $0.median) }
    svg += linePath([median], scale: scale, cssClass: "nb-sl-med")
    if let anchor = observed.last {
      svg += tag(
        "circle",
        [
          "class": "nb-sl-dot", "cx": coordinate(scale.x(anchor.date)), "cy": coordinate(scale.y(anchor.value)),
          "r": "2",
        ])
    }
    return svg + "</svg>\n"
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

    func x(_ day: Day) -> Double {
      let span = Double(max(end - start, 1))
      return frame.left + Double(day - start) / span * (frame.width - frame.left - frame.right)
    }

    func y(_ value: Double) -> Double {
      let plot = frame.height - frame.top - frame.bottom
      return frame.top + plot - min(max(value / top, 0), 1) * plot
    }
  }

  static let style = """
    <style>
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
    .nb-chart .nb-now{stroke:#D55E00;stroke-width:1;stroke-dasharray:2 3}
    @media (prefers-color-scheme: dark){
    .nb-chart .nb-bg{fill:#1c1c1e}
    .nb-chart .nb-text{fill:#e6e6e6}
    .nb-chart .nb-grid{stroke:#3a3a3c}
    .nb-chart .nb-axis-line{stroke:#aaaaaa}
    .nb-chart .nb-band95{fill:#56B4E9;fill-opacity:0.22}
    .nb-chart .nb-band50{fill:#56B4E9;fill-opacity:0.45}
    .nb-chart .nb-median{stroke:#F0E442}
    .nb-chart .nb-obs-line{stroke:#f2f2f2}
    .nb-chart .nb-obs{fill:#f2f2f2}
    }
    </style>

    """

  private static func header(id: String, frame: Frame, cssClass: String, title: String, desc: String) -> String {
    let root = attributes([
      "xmlns": "http://www.w3.org/2000/svg",
      "viewBox": "0 0 \(NumberFormat.trimmed(frame.width)) \(NumberFormat.trimmed(frame.height))",
      "width": "100%", "preserveAspectRatio": "xMidYMid meet", "role": "img",
      "aria-labelledby": "\(id)-title \(id)-desc", "class": cssClass,
    ])
    return "<svg\(root)>\n" + tag("title", ["id": "\(id)-title"], text: title)
      + tag("desc", ["id": "\(id)-desc"], text: desc)
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

  private static func legend(frame: Frame) -> String {
    let x = frame.left
    let y = 18.0
    return "<g class=\"nb-legend\" aria-hidden=\"true\">\n"
      + tag("circle", ["class": "nb-obs", "cx": coordinate(x + 6), "cy": coordinate(y - 4), "r": "3"])
      + tag("text", ["class": "nb-text", "x": coordinate(x + 14), "y": coordinate(y)], text: "Observed")
      + tag(
        "line",
        [
          "class": "nb-median", "x1": coordinate(x + 90), "y1": coordinate(y - 4), "x2": coordinate(x + 120),
          "y2": coordinate(y - 4),
        ])
      + tag("text", ["class": "nb-text", "x": coordinate(x + 126), "y": coordinate(y)], text: "Forecast median")
      + tag(
        "rect",
        ["class": "nb-band50", "x": coordinate(x + 240), "y": coordinate(y - 10), "width": "18", "height": "12"])
      + tag("text", ["class": "nb-text", "x": coordinate(x + 264), "y": coordinate(y)], text: "50% interval")
      + tag(
        "rect",
        ["class": "nb-band95", "x": coordinate(x + 360), "y": coordinate(y - 10), "width": "18", "height": "12"])
      + tag("text", ["class": "nb-text", "x": coordinate(x + 384), "y": coordinate(y)], text: "95% interval")
      + "</g>\n"
  }

  private static func observedPoints(_ forecast: MetricForecast) -> [Point] {
    forecast.recent.compactMap { item in
      guard let value = item.value, value.isFinite else { return nil }
      return Point(date: item.date, value: value)
    }
  }

  private static func bandPoints(_ forecast: MetricForecast) -> [Band] {
    forecast.horizons
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

  private static func linePath(_ segments: [[Point]], scale: Scale, cssClass: String) -> String {
    let drawn = segments.filter { $0.count > 1 }
    guard !drawn.isEmpty else { return "" }
    let d = drawn.map { segment in
      segment.enumerated().map { index, point in
        (index == 0 ? "M" : "L") + coordinate(scale.x(point.date)) + " " + coordinate(scale.y(point.value))
      }.joined(separator: " ")
    }.joined(separator: " ")
    return tag("path", ["class": cssClass, "d": d])
  }

  private static func bandPath(
    _ bands: [Band], start: Band?, scale: Scale, cssClass: String,
    lower: KeyPath<Band, Double>, upper: KeyPath<Band, Double>
  ) -> String {
    let all = (start.map { [$0] } ?? []) + bands
    let upperEdge = all.map { coordinate(scale.x($0.date)) + " " + coordinate(scale.y($0[keyPath: upper])) }
    let lowerEdge = all.reversed().map { coordinate(scale.x($0.date)) + " " + coordinate(scale.y($0[keyPath: lower])) }
    return tag("path", ["class": cssClass, "d": "M" + (upperEdge + lowerEdge).joined(separator: " L") + " Z"])
  }

  /// One element on its own line: attributes in the given order, values and text escaped.
  private static func tag(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) -> String {
    let open = "<" + name + Self.attributes(attributes)
    guard let text else { return open + "/>\n" }
    return open + ">" + Markup.escape(text) + "</" + name + ">\n"
  }

  private static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
    attributes.map { " \($0.key)=\"\(Markup.escape($0.value))\"" }.joined()
  }

  /// A coordinate with at most one decimal.
  private static func coordinate(_ value: Double) -> String { NumberFormat.trimmed(value, maxDigits: 1) }
}
