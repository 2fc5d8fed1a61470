/// A view model that lists its own template fields.
///
/// The views a large site renders thousands of times (every region page's site header, facts,
/// charts and table rows; every row of the overview) spell their fields out here instead of being
/// reflected: `Mirror` demangles each field's type on every access, which cost about 2 ms per
/// region page. Each table must give what `TemplateValue.reflect` would (a test compares them):
/// every stored property by name, a nil optional left out.
protocol TemplateFields {
  var templateFields: [String: Any] { get }
}

extension PageViews.Site: TemplateFields {
  var templateFields: [String: Any] {
    var fields: [String: Any] = [
      "title": title, "description": description, "root": root, "stylesheet": stylesheet,
      "generatedAt": generatedAt, "generatedAtISO": generatedAtISO, "dataAsOf": dataAsOf, "provider": provider,
      "model": model, "method": method, "runID": runID, "source": source, "sourceURL": sourceURL,
      "retrievedAt": retrievedAt, "periodName": periodName, "isSynthetic": isSynthetic, "isStale": isStale,
      "fallbackUsed": fallbackUsed, "notes": notes, "hasNotes": hasNotes, "license": license,
      "licenseURL": licenseURL,
    ]
    fields["sourceLink"] = sourceLink
    fields["sourceLicense"] = sourceLicense
    return fields
  }
}

extension PageViews.Fact: TemplateFields {
  var templateFields: [String: Any] {
    var fields: [String: Any] = ["label": label, "value": value]
    fields["link"] = link
    return fields
  }
}

extension PageViews.IndexRow: TemplateFields {
  var templateFields: [String: Any] {
    var fields: [String: Any] = [
      "id": id, "name": name, "href": href, "riskLevel": riskLevel, "riskClass": riskClass, "riskColor": riskColor,
      "riskScore": riskScore, "trend": trend, "trendSymbol": trendSymbol, "trendDetail": trendDetail,
      "sparkline": sparkline, "metricName": metricName, "nextPeriod": nextPeriod, "nextMedian": nextMedian,
      "nextInterval95": nextInterval95, "outbreakProbability": outbreakProbability, "verdict": verdict,
      "incidence": incidence, "growth": growth, "filterText": filterText, "ranks": ranks,
    ]
    fields["letterAnchor"] = letterAnchor
    return fields
  }
}

extension PageViews.Region: TemplateFields {
  var templateFields: [String: Any] {
    [
      "site": site.templateFields, "name": name, "id": id, "code": code, "riskLevel": riskLevel,
      "riskClass": riskClass, "riskScore": riskScore, "trend": trend, "trendSymbol": trendSymbol,
      "trendDetail": trendDetail, "verdict": verdict, "derived": derived.map(\.templateFields),
      "provenance": provenance.map(\.templateFields), "charts": charts.map(\.templateFields),
      "lookBackMetric": lookBackMetric, "lookBack": lookBack.map(\.templateFields), "hasLookBack": hasLookBack,
      "jsonHref": jsonHref, "csvHref": csvHref,
    ]
  }
}

extension PageViews.LookBackChart: TemplateFields {
  var templateFields: [String: Any] {
    ["label": label, "referenceDate": referenceDate, "model": model, "svg": svg, "coverage": coverage]
  }
}

extension PageViews.Chart: TemplateFields {
  var templateFields: [String: Any] {
    var fields: [String: Any] = [
      "anchor": anchor, "metricName": metricName, "svg": svg, "logSVG": logSVG, "hasRate": hasRate,
      "caption": caption,
      "observedLegend": observedLegend, "observedCaption": observedCaption, "rows": rows.map(\.templateFields),
      "observed": observed.map(\.templateFields), "hasObserved": hasObserved,
    ]
    fields["downloadHref"] = downloadHref
    return fields
  }
}

extension PageViews.HorizonRow: TemplateFields {
  var templateFields: [String: Any] {
    [
      "horizon": horizon, "targetEndDate": targetEndDate, "median": median, "interval50": interval50,
      "interval95": interval95,
    ]
  }
}
