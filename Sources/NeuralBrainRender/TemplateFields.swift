import NeuralBrainTemplates

/// A view model that lists its own template fields.
///
/// The views a large site renders thousands of times (every region page's site header, facts,
/// charts and table rows; every row of the overview) spell their fields out here instead of being
/// reflected: `Mirror` demangles each field's type on every access, which cost about 2 ms per
/// region page. Each table must give what `TemplateValue.reflect` would (a test compares them):
/// every stored property by name, a nil optional left out.
protocol TemplateFields {
  var templateFields: [String: TemplateData] { get }
}

extension TemplateFields {
  /// The view as one object of its template's tree.
  var templateObject: TemplateData { .object(templateFields) }
}

extension PageViews.Site: TemplateFields {
  var templateFields: [String: TemplateData] {
    var fields: [String: TemplateData] = [
      "title": .text(title), "description": .text(description), "root": .text(root),
      "stylesheet": .text(stylesheet), "generatedAt": .text(generatedAt), "generatedAtISO": .text(generatedAtISO),
      "dataAsOf": .text(dataAsOf), "provider": .text(provider), "model": .text(model), "method": .text(method),
      "runID": .text(runID), "source": .text(source), "sourceURL": .text(sourceURL),
      "retrievedAt": .text(retrievedAt), "periodName": .text(periodName), "isSynthetic": .bool(isSynthetic),
      "isStale": .bool(isStale), "fallbackUsed": .bool(fallbackUsed), "notes": .list(notes.map(TemplateData.text)),
      "hasNotes": .bool(hasNotes), "license": .text(license), "licenseURL": .text(licenseURL),
    ]
    fields["sourceLink"] = sourceLink.map(TemplateData.text)
    fields["sourceLicense"] = sourceLicense.map(TemplateData.text)
    return fields
  }
}

extension PageViews.Fact: TemplateFields {
  var templateFields: [String: TemplateData] {
    var fields: [String: TemplateData] = ["label": .text(label), "value": .text(value)]
    fields["link"] = link.map(TemplateData.text)
    return fields
  }
}

extension PageViews.IndexRow: TemplateFields {
  var templateFields: [String: TemplateData] {
    var fields: [String: TemplateData] = [
      "id": .text(id), "name": .text(name), "href": .text(href), "riskLevel": .text(riskLevel),
      "riskClass": .text(riskClass), "riskColor": .text(riskColor), "riskScore": .text(riskScore),
      "trend": .text(trend), "trendSymbol": .text(trendSymbol), "trendDetail": .text(trendDetail),
      "sparkline": .text(sparkline), "metricName": .text(metricName), "nextPeriod": .text(nextPeriod),
      "nextMedian": .text(nextMedian), "nextInterval95": .text(nextInterval95),
      "outbreakProbability": .text(outbreakProbability), "verdict": .text(verdict), "incidence": .text(incidence),
      "growth": .text(growth), "filterText": .text(filterText), "ranks": .object(ranks.mapValues(TemplateData.integer)),
    ]
    fields["letterAnchor"] = letterAnchor.map(TemplateData.text)
    return fields
  }
}

extension PageViews.Region: TemplateFields {
  var templateFields: [String: TemplateData] {
    [
      "site": site.templateObject, "name": .text(name), "id": .text(id), "code": .text(code),
      "riskLevel": .text(riskLevel), "riskClass": .text(riskClass), "riskScore": .text(riskScore),
      "trend": .text(trend), "trendSymbol": .text(trendSymbol), "trendDetail": .text(trendDetail),
      "verdict": .text(verdict), "derived": .list(derived.map(\.templateObject)),
      "provenance": .list(provenance.map(\.templateObject)), "charts": .list(charts.map(\.templateObject)),
      "lookBackMetric": .text(lookBackMetric), "lookBack": .list(lookBack.map(\.templateObject)),
      "hasLookBack": .bool(hasLookBack), "jsonHref": .text(jsonHref), "csvHref": .text(csvHref),
    ]
  }
}

extension PageViews.LookBackChart: TemplateFields {
  var templateFields: [String: TemplateData] {
    [
      "label": .text(label), "referenceDate": .text(referenceDate), "model": .text(model), "svg": .text(svg),
      "coverage": .text(coverage),
    ]
  }
}

extension PageViews.Chart: TemplateFields {
  var templateFields: [String: TemplateData] {
    var fields: [String: TemplateData] = [
      "anchor": .text(anchor), "metricName": .text(metricName), "svg": .text(svg), "logSVG": .text(logSVG),
      "hasRate": .bool(hasRate), "caption": .text(caption), "observedLegend": .text(observedLegend),
      "observedCaption": .text(observedCaption), "rows": .list(rows.map(\.templateObject)),
      "observed": .list(observed.map(\.templateObject)), "hasObserved": .bool(hasObserved),
    ]
    fields["downloadHref"] = downloadHref.map(TemplateData.text)
    return fields
  }
}

extension PageViews.HorizonRow: TemplateFields {
  var templateFields: [String: TemplateData] {
    [
      "horizon": .text(horizon), "targetEndDate": .text(targetEndDate), "median": .text(median),
      "interval50": .text(interval50), "interval95": .text(interval95),
    ]
  }
}
