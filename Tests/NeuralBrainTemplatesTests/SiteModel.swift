import Foundation
import NeuralBrainTemplates

/// A data model that fills every field the site's templates (`templates/*.mustache`) read, in
/// three variants: lists of 0, 1 and 3 elements, with the booleans and optional fields off, on
/// and mixed; texts carry markup characters, non-ASCII and a control character.
enum SiteModel {
  static let variants = [0, 1, 3]

  /// The site's templates, `templates/*.mustache` read from the repository, by name without
  /// `.mustache`.
  static let templates: [String: String] = {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("templates")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var templates: [String: String] = [:]
    for file in files where file.hasSuffix(".mustache") {
      let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      templates[String(file.dropLast(".mustache".count))] = text
    }
    return templates
  }()

  static let hostile = "A & B <c> \"d\" 'e' — Ålborg/Łódź 東京 🦠\u{1}"

  /// Markup as NeuralBrain draws it (written with `{{{svg}}}`), about `bytes` long.
  static func svg(_ index: Int, bytes: Int = 400) -> String {
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nb-chart\" viewBox=\"0 0 680 300\">"
    var point = 0
    while svg.utf8.count < bytes - 6 {
      svg += "<path class=\"nb-band95\" d=\"M\(point) \(index * 7 % 300)L\(point + 10) \(point % 290)\"/>"
      point += 10
    }
    return svg + "</svg>"
  }

  static func text(_ field: String, _ index: Int) -> TemplateData {
    .text("\(field) \(index) \(hostile)")
  }

  /// `count` elements made by `element`.
  static func list(_ count: Int, _ element: (Int) -> TemplateData) -> TemplateData {
    .list((0..<count).map(element))
  }

  static func model(variant: Int) -> TemplateData {
    let on = variant > 0
    let mixed = variant == 3
    var fields: [String: TemplateData] = [
      "site": site(variant: variant),
      "regionCount": .integer(variant * 1000 + 7), "listedCount": .integer(variant * 100), "isPartial": .bool(mixed),
      "riskCounts": list(variant) {
        ["level": text("level", $0), "levelClass": "red", "levelColor": "#D55E00", "count": .integer($0)]
      },
      "hasAlerts": .bool(on), "alerts": list(variant, element), "alertsNote": text("alertsNote", variant),
      "orders": list(variant, element), "orderCaption": text("orderCaption", variant),
      "hasLetters": .bool(on), "letters": list(variant) { ["letter": text("L", $0), "anchor": "letter-\($0)"] },
      "script": "assets/site.1a2b3c.js", "regions": list(variant, element),
      "name": text("region", variant), "id": "region-\(variant)", "code": text("code", variant),
      "riskLevel": "RED", "riskClass": "red", "riskScore": .integer(87), "trend": text("trend", variant),
      "trendSymbol": "↑", "trendDetail": text("detail", variant), "verdict": text("verdict", variant),
      "derived": list(variant, element), "provenance": list(variant, element), "charts": list(variant, chart),
      "lookBackMetric": text("metric", variant), "hasLookBack": .bool(on), "lookBack": list(variant, element),
      "jsonHref": "api/v1/forecasts/r.json", "csvHref": "api/v1/forecasts/hub.csv", "range": "1–100",
      "hasPages": .bool(mixed), "pages": list(variant, element), "hasRows": .bool(on), "rows": list(variant, element),
      "hasOverTime": .bool(mixed), "overTime": list(variant, element), "quantileLevels": "0.01, 0.025, …, 0.99",
      "citation": text("citation", variant), "shape": "4 horizons", "subject": text("subject", variant),
      "risingCount": .integer(variant), "hasMoreAlerts": .bool(mixed), "moreAlertCount": .integer(variant * 2),
      "hasMore": .bool(on), "moreCount": .integer(variant * 3),
    ]
    if on {
      fields["siteURL"] = "https://example.org/nb/"
      fields["indexURL"] = "https://example.org/nb/index.html"
      fields["archiveURL"] = "https://example.org/nb/archive/2025-01-01/"
    }
    fields["unsubscribeURL"] = mixed ? "mailto:list@example.org?subject=unsubscribe" : .null
    return .object(fields)
  }

  static func site(variant: Int) -> TemplateData {
    [
      "title": text("title", variant), "description": text("description", variant), "root": "../",
      "stylesheet": "assets/style.1a2b3c4d5e.css", "generatedAt": "1 January 2025, 06:00 UTC",
      "generatedAtISO": "2025-01-01T06:00:00Z", "dataAsOf": "2024-12-31", "provider": text("provider", variant),
      "model": text("model", variant), "method": text("method", variant), "runID": "run-\(variant)",
      "source": text("source", variant), "sourceURL": "https://example.org/data?a=1&b=2",
      "sourceLink": variant == 0 ? .null : "https://example.org/data?a=1&b=2",
      "sourceLicense": variant == 3 ? text("licence", variant) : .null, "retrievedAt": "2025-01-01",
      "periodName": "week", "isSynthetic": .bool(variant != 0), "isStale": .bool(variant == 1),
      "fallbackUsed": .bool(variant == 3), "notes": list(variant) { text("note", $0) }, "hasNotes": .bool(variant > 0),
      "license": "CC BY 4.0", "licenseURL": "https://creativecommons.org/licenses/by/4.0/",
    ]
  }

  /// An element of any of the templates' lists: the union of their fields.
  static func element(_ index: Int) -> TemplateData {
    var fields: [String: TemplateData] = [
      "level": text("level", index), "levelClass": "yellow", "levelColor": "#F0E442", "count": .integer(index * 11),
      "name": text("name", index), "href": "region/r\(index).html", "message": text("message", index),
      "key": "order-\(index)", "label": text("label", index), "caption": text("caption", index),
      "isCurrent": .bool(index == 0), "id": "r\(index)", "riskLevel": "GREEN", "riskClass": "green",
      "riskColor": "#009E73", "riskScore": .integer(index * 9), "trend": text("trend", index), "trendSymbol": "→",
      "trendDetail": text("detail", index), "sparkline": .text(svg(index)), "metricName": text("metric", index),
      "nextPeriod": "2025-W0\(index + 2)", "nextMedian": .double(Double(index) * 12.5),
      "nextInterval95": "\(index)–\(index * 3 + 4)", "outbreakProbability": .double(0.125 * Double(index)),
      "verdict": text("verdict", index), "incidence": "\(index).5", "growth": "+\(index)%",
      "filterText": text("filter", index),
      "ranks": ["name": .integer(index + 1), "risk": .integer(3 - index), "incidence": .integer(index), "growth": 2],
      "value": text("value", index), "horizon": .integer(index + 1), "targetEndDate": "2025-01-0\(index + 1)",
      "median": .double(Double(index) + 0.5), "interval50": "1–2", "interval95": "0–4", "model": text("model", index),
      "referenceDate": "2024-12-0\(index + 1)", "meanWIS": .double(Double(index) / 3), "coverage50": "50%",
      "coverage95": "95%", "relativeWIS": index == 1 ? .null : .double(0.75), "svg": .text(svg(index)),
      "coverage": text("coverage", index),
    ]
    if index.isMultiple(of: 2) {
      fields["letterAnchor"] = "letter-\(index)"
      fields["link"] = "https://example.org/\(index)?x=<y>"
    } else {
      fields["link"] = .null
    }
    return .object(fields)
  }

  /// An element of the region page's `charts`.
  static func chart(_ index: Int) -> TemplateData {
    guard case .object(var fields) = element(index) else { return element(index) }
    fields["anchor"] = "metric-\(index)"
    fields["logSVG"] = .text(svg(index + 10))
    fields["hasRate"] = .bool(index != 1)
    fields["observedLegend"] = text("legend", index)
    fields["observedCaption"] = text("observed", index)
    fields["downloadHref"] = index == 1 ? .null : "charts/r-\(index).svg"
    fields["rows"] = list(index + 1, element)
    fields["observed"] = list(index * 2, element)
    fields["hasObserved"] = .bool(index != 0)
    return .object(fields)
  }
}
