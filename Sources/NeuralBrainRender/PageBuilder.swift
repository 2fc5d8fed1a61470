import Foundation
import NeuralBrainCore

/// Turns `SiteContent` into the page view models, formatting every number for people.
struct PageBuilder {
  var content: SiteContent
  /// Safe region id (a slug) per forecast, in `content.forecasts` order.
  var ids: [String]
  /// The stylesheet's and the site script's paths from the site root (content-fingerprinted by
  /// the renderer).
  var stylesheet = "assets/style.css"
  var script = "assets/site.js"
  /// The regions' incidences, for each page's "higher than N of M regions".
  let ranking: IncidenceRanking

  init(
    content: SiteContent, ids: [String], stylesheet: String = "assets/style.css", script: String = "assets/site.js"
  ) {
    self.content = content
    self.ids = ids
    self.stylesheet = stylesheet
    self.script = script
    ranking = IncidenceRanking(content.forecasts)
  }

  // MARK: - Pages

  /// Every region's overview row with its sparkline and its rank in each order, in
  /// `content.forecasts` order: drawn once for all the orders' pages.
  func indexRows() -> [PageViews.IndexRow] {
    let regions = Array(zip(content.forecasts, ids))
    var ranks = [[String: Int]](repeating: [:], count: regions.count)
    let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    for order in IndexOrder.allCases {
      for (rank, region) in order.sorted(regions).enumerated() {
        ranks[position[region.1]!][order.rawValue] = rank + 1
      }
    }
    let rankList = ranks
    return Array(regions.indices).concurrentMap { index in
      let (forecast, id) = regions[index]
      var row = indexRow(forecast, id: id)
      row.ranks = rankList[index]
      row.sparkline =
        forecast.primaryForecast.map { SVGChart.sparkline($0, regionName: forecast.region, idPrefix: "spark-\(id)") }
        ?? ""
      return row
    }
  }

  /// How many regions a ranked order of the overview lists (the name order lists every region),
  /// and how many the compare pages show: the top of a ranking is what its page is read for, and
  /// at 10,000 regions each complete order was a 27 MB page and the compare pages a hundred.
  /// Sources of a few hundred regions (the world's countries, a country's states) are shown
  /// whole.
  var rankedRowLimit = 500

  /// The overview in one order, from `indexRows()`: every region by name, the first
  /// `rankedRowLimit` of a ranking.
  func index(order: IndexOrder, rows: [PageViews.IndexRow]) -> PageViews.Index {
    let site = site(
      title: "Epidemic forecasts",
      description: "Risk, trend and forecasts for "
        + "\(content.forecasts.count) regions.", path: order.path)
    var sorted = rows.sorted { ($0.ranks[order.rawValue] ?? 0) < ($1.ranks[order.rawValue] ?? 0) }
    if order != .name, sorted.count > rankedRowLimit { sorted.removeSubrange(rankedRowLimit...) }
    var letters: [PageViews.Letter] = []
    if order == .name {
      for index in sorted.indices {
        let initial = sorted[index].name.first.map { String($0).uppercased() } ?? ""
        guard !initial.isEmpty, initial != letters.last?.letter else { continue }
        let anchor = "letter-\(letters.count + 1)"
        letters.append(PageViews.Letter(letter: initial, anchor: anchor))
        sorted[index].letterAnchor = anchor
      }
    }
    let alerts = alerts(in: Array(zip(content.forecasts, ids)))
    return PageViews.Index(
      site: site, regionCount: content.forecasts.count, riskCounts: riskCounts(), hasAlerts: !alerts.isEmpty,
      alerts: alerts, alertsNote: alertsNote, regions: sorted,
      orders: IndexOrder.allCases.map {
        PageViews.SortLink(
          key: $0.rawValue, label: $0.label, href: $0.path, caption: $0.caption, isCurrent: $0 == order)
      }, orderCaption: order.caption, listedCount: sorted.count, isPartial: sorted.count < rows.count,
      letters: letters, hasLetters: letters.count > 1, script: script)
  }

  /// The compare pages' regions per page.
  static let comparePageSize = 100

  /// The compare page's path for page `number` (from 1).
  static func comparePath(_ number: Int) -> String { number == 1 ? "compare.html" : "compare-\(number).html" }

  /// How many compare pages the release has (one at least, even without regions).
  var comparePageCount: Int {
    max(1, (min(content.forecasts.count, rankedRowLimit) + Self.comparePageSize - 1) / Self.comparePageSize)
  }

  /// The regions (forecast and id) the compare pages show: the first `rankedRowLimit` in risk
  /// order.
  func comparedRegions() -> [(ForecastData, String)] {
    Array(IndexOrder.risk.sorted(Array(zip(content.forecasts, ids))).prefix(rankedRowLimit))
  }

  /// Page `number` (from 1) of the small multiples, from `ranked` (`comparedRegions()`).
  func compare(page number: Int, ranked: [(ForecastData, String)]) -> PageViews.Compare {
    let first = (number - 1) * Self.comparePageSize
    let shown = ranked[min(first, ranked.count)..<min(first + Self.comparePageSize, ranked.count)]
    let charts = shown.compactMap { forecast, id -> PageViews.SmallChart? in
      guard let metric = forecast.primaryForecast else { return nil }
      return PageViews.SmallChart(
        name: forecast.region, href: "region/\(id).html", riskLevel: forecast.riskLevel.rawValue,
        riskClass: Self.riskClass(forecast.riskLevel),
        svg: SVGChart.smallMultiple(metric, regionName: forecast.region, idPrefix: "small-\(id)"))
    }
    let pages = (1...comparePageCount).map {
      PageViews.PageLink(label: String($0), href: Self.comparePath($0), isCurrent: $0 == number)
    }
    return PageViews.Compare(
      site: site(
        title: "Compare regions",
        description: "The regions' forecasts as small charts, highest risk first.",
        path: Self.comparePath(number)),
      regionCount: content.forecasts.count, listedCount: ranked.count,
      isPartial: ranked.count < content.forecasts.count,
      range: shown.isEmpty ? "none" : "\(first + 1)–\(first + shown.count)", charts: charts, pages: pages,
      hasPages: pages.count > 1)
  }

  /// The daily summary e-mail: the overview's counts, then at most `emailRegionLimit` alerts and
  /// regions each, highest risk score first (ties by name), without charts, so it stays small.
  func email(envelope: EmailEnvelope) -> PageViews.Email {
    let count = content.forecasts.count
    let ranked = zip(content.forecasts, ids).sorted { a, b in
      a.0.riskScore != b.0.riskScore ? a.0.riskScore > b.0.riskScore : (a.0.region, a.1) < (b.0.region, b.1)
    }
    let rows = ranked.prefix(Self.emailRegionLimit).map { indexRow($0.0, id: $0.1) }
    let red = content.forecasts.filter { $0.riskLevel == .red }.count
    let rising = content.forecasts.filter { $0.trend == .increasing }.count
    let summary = "\(content.run.provenance.dataAsOf.iso): \(count) regions, \(red) RED, \(rising) rising"
    let subject = envelope.subjectPrefix.isEmpty ? summary : envelope.subjectPrefix + " " + summary
    let alerts = alerts(in: ranked)
    let base = SiteFeeds.normalizedBase(content.baseURL)
    return PageViews.Email(
      site: site(
        title: subject, description: "Daily summary of the forecasts for \(count) regions.", path: "index.html"),
      subject: subject, regionCount: count, riskCounts: riskCounts(), risingCount: rising,
      hasAlerts: !alerts.isEmpty, alerts: Array(alerts.prefix(Self.emailRegionLimit)),
      hasMoreAlerts: alerts.count > Self.emailRegionLimit,
      moreAlertCount: max(0, alerts.count - Self.emailRegionLimit), alertsNote: alertsNote, regions: rows,
      hasMore: rows.count < count, moreCount: count - rows.count, siteURL: base,
      indexURL: base.map { $0 + "index.html" }, archiveURL: base.map { $0 + ArchiveLayout.path(content.archiveDate) },
      unsubscribeURL: envelope.listUnsubscribe)
  }

  /// The e-mail lists this many regions (and alerts) at most; the rest are a link away.
  static let emailRegionLimit = 25

  func region(_ forecast: ForecastData, id: String) -> PageViews.Region {
    let site = regionSite(forecast, id: id)
    let charts = forecast.metrics.map { metric in
      chart(metric, forecast: forecast, id: id, isPrimary: metric == forecast.primaryForecast)
    }
    let lookBack = lookBack(forecast, id: id)
    return PageViews.Region(
      site: site, name: forecast.region, id: id, code: forecast.regionCode,
      riskLevel: forecast.riskLevel.rawValue, riskClass: Self.riskClass(forecast.riskLevel),
      riskScore: NumberFormat.fixed(forecast.riskScore, 0), trend: forecast.trend.rawValue,
      trendSymbol: Self.trendSymbol(forecast.trend), trendDetail: Self.words(forecast.trendDetail.rawValue),
      verdict: Verdict.sentence(for: forecast, ranking: ranking), derived: derived(forecast),
      provenance: provenance(forecast), charts: charts,
      lookBackMetric: forecast.primaryForecast?.metric.displayName.lowercased() ?? "", lookBack: lookBack,
      hasLookBack: !lookBack.isEmpty, jsonHref: "../api/v1/forecasts/region/\(id).json",
      csvHref: "../api/v1/forecasts/hub.csv")
  }

  /// The primary metric's forecasts of 1–4 weeks earlier, each against what followed.
  func lookBack(_ forecast: ForecastData, id: String) -> [PageViews.LookBackChart] {
    guard let primary = forecast.primaryForecast else { return [] }
    return (content.pastForecasts[forecast.regionID] ?? []).filter { $0.metric == primary.metric }.map { past in
      let coverage = LookBackCoverage(past, observed: primary.recent)
      return PageViews.LookBackChart(
        label: past.weeksEarlier == 1 ? "1 week earlier" : "\(past.weeksEarlier) weeks earlier",
        referenceDate: past.referenceDate.iso, model: past.model,
        svg: SVGChart.lookBack(
          past, observed: primary.recent, coverage: coverage, frequency: primary.frequency,
          regionName: forecast.region, idPrefix: "back-\(id)-\(past.weeksEarlier)"),
        coverage: coverage.sentence)
    }
  }

  /// A region page's site fields. They name the run that issued the forecast and when: this
  /// run, or an earlier one that made the same forecast. That run read its data when it started,
  /// so the retrieval time shown is the issue time.
  func regionSite(_ forecast: ForecastData, id: String) -> PageViews.Site {
    var site = site(
      title: forecast.region,
      description: "Forecast, risk and provenance for "
        + "\(forecast.region).", path: "region/\(id).html")
    site.runID = forecast.runID
    site.generatedAt = NumberFormat.displayTimestamp(forecast.timestamp)
    site.generatedAtISO = NumberFormat.isoTimestamp(forecast.timestamp)
    site.retrievedAt = site.generatedAt
    return site
  }

  func evaluation() -> PageViews.Evaluation {
    let lines = content.evaluation.map { row in
      PageViews.EvaluationLine(
        model: row.model, horizon: row.horizon.map(String.init) ?? "all", count: String(row.count),
        meanWIS: NumberFormat.fixed(row.meanWIS, 2), coverage50: NumberFormat.percent(row.coverage50, digits: 1),
        coverage95: NumberFormat.percent(row.coverage95, digits: 1),
        relativeWIS: row.relativeWIS.map { NumberFormat.fixed($0, 2) } ?? "-",
        referenceDate: row.referenceDate?.iso ?? "")
    }
    let rows = lines.filter(\.referenceDate.isEmpty)
    let overTime = lines.filter { !$0.referenceDate.isEmpty }
    return PageViews.Evaluation(
      site: site(
        title: "Forecast evaluation",
        description: "How past forecasts did against what "
          + "was later observed.", path: "evaluation.html"),
      hasRows: !rows.isEmpty, rows: rows, hasOverTime: !overTime.isEmpty, overTime: overTime)
  }

  func about() -> PageViews.About {
    let run = content.run
    let place = SiteFeeds.normalizedBase(content.baseURL).map { " \($0)" } ?? ""
    let citation =
      "NeuralBrain epidemic forecasts, run \(run.runID), generated "
      + "\(NumberFormat.displayTimestamp(run.generatedAt)) by provider \(run.provider) (model "
      + "\(run.model)); data: \(run.provenance.source), as of \(run.provenance.dataAsOf.iso). "
      + "Licensed \(APIDocuments.license).\(place)"
    return PageViews.About(
      site: site(
        title: "About the data and methods",
        description: "Methods, data sources, "
          + "licence and how to cite.", path: "about.html"),
      quantileLevels: QuantileLevels.hub.map { NumberFormat.trimmed($0) }.joined(separator: ", "),
      citation: citation, regionCount: content.forecasts.count, shape: shape)
  }

  /// The metrics and horizons the release's forecasts cover, for the about page.
  var shape: String {
    let metrics = Set(content.forecasts.flatMap { $0.metrics.map(\.metric) }).sorted()
    let horizons = content.forecasts.flatMap { $0.metrics.map(\.horizons.count) }.max() ?? 0
    let names = metrics.map { $0.displayName.lowercased() }.joined(separator: ", ")
    return "\(metrics.count) \(metrics.count == 1 ? "metric" : "metrics") (\(names)) × "
      + "\(horizons) \(horizons == 1 ? "horizon" : "horizons")"
  }

  /// The 404 page links through the absolute base URL when known, since it is served at any depth.
  func notFound() -> PageViews.NotFound {
    var site = site(title: "Page not found", description: "The page does not exist.", path: "404.html")
    site.root = SiteFeeds.normalizedBase(content.baseURL) ?? ""
    return PageViews.NotFound(site: site)
  }

  /// A region's chart of one metric; the linear one is also the downloadable chart file.
  func fanChart(_ metric: MetricForecast, of forecast: ForecastData, id: String, axis: ValueAxis = .linear) -> String {
    SVGChart.fanChart(
      metric, regionName: forecast.region,
      idPrefix: "fan-\(id)-\(metric.metric.rawValue)" + (axis == .linear ? "" : "-\(axis.rawValue)"), axis: axis,
      population: forecast.population)
  }

  // MARK: - Implementation details

  private func site(title: String, description: String, path: String) -> PageViews.Site {
    let run = content.run
    let provenance = run.provenance
    return PageViews.Site(
      title: title, description: description, root: SitePath(path)?.rootPrefix ?? "", stylesheet: stylesheet,
      generatedAt: NumberFormat.displayTimestamp(run.generatedAt),
      generatedAtISO: NumberFormat.isoTimestamp(run.generatedAt), dataAsOf: provenance.dataAsOf.iso,
      provider: run.provider, model: run.model, method: run.method, runID: run.runID,
      source: provenance.source, sourceURL: provenance.sourceURL,
      sourceLink: Markup.safeLink(provenance.sourceURL), sourceLicense: provenance.license,
      retrievedAt: NumberFormat.displayTimestamp(provenance.retrievedAt),
      periodName: run.frequency == .weekly ? "week" : "day",
      isSynthetic: provenance.isSynthetic, isStale: run.isStale, fallbackUsed: run.fallbackUsed,
      notes: run.notes, hasNotes: !run.notes.isEmpty, license: APIDocuments.license,
      licenseURL: APIDocuments.licenseURL)
  }

  /// A region's overview row, without the sparkline (the e-mail carries no SVG).
  private func indexRow(_ forecast: ForecastData, id: String) -> PageViews.IndexRow {
    let primary = forecast.primaryForecast
    // One unit per row: the next week, or for daily data the next 7 days' total.
    let next = primary?.periodForecast
    return PageViews.IndexRow(
      id: id, name: forecast.region, href: "region/\(id).html",
      riskLevel: forecast.riskLevel.rawValue, riskClass: Self.riskClass(forecast.riskLevel),
      riskColor: Self.riskColor(forecast.riskLevel), riskScore: NumberFormat.fixed(forecast.riskScore, 0),
      trend: forecast.trend.rawValue, trendSymbol: Self.trendSymbol(forecast.trend),
      trendDetail: Self.words(forecast.trendDetail.rawValue), sparkline: "",
      metricName: primary?.metric.displayName ?? "-",
      nextPeriod: next.map { Self.periodLabel($0.targetEndDate, primary?.frequency) } ?? "no forecast",
      nextMedian: next.map(Self.median) ?? "-",
      nextInterval95: next.map { Self.interval($0, QuantileLevels.central95) } ?? "-",
      outbreakProbability: NumberFormat.percent(forecast.outbreakProbability),
      verdict: Verdict.sentence(for: forecast, ranking: ranking),
      incidence: forecast.incidencePer100k.map { NumberFormat.fixed($0, 1) } ?? "-",
      growth: Self.signedPercent(exp(forecast.growthRate) - 1),
      filterText: (forecast.region + " " + forecast.regionCode).lowercased(), ranks: [:], letterAnchor: nil)
  }

  /// How many regions are at each level, RED first.
  private func riskCounts() -> [PageViews.RiskCount] {
    RiskLevel.allCases.reversed().map { level in
      PageViews.RiskCount(
        level: level.rawValue, levelClass: Self.riskClass(level), levelColor: Self.riskColor(level),
        count: content.forecasts.filter { $0.riskLevel == level }.count)
    }
  }

  /// What to say when no region moved up.
  private var alertsNote: String {
    content.previousRiskLevels.isEmpty
      ? "This is the first release, so there is nothing to compare with yet."
      : "No region moved up a risk level since the previous release."
  }

  /// Regions that moved up a risk level, and regions newly RED, in the order of `regions`
  /// (forecast and id pairs).
  private func alerts(in regions: [(ForecastData, String)]) -> [PageViews.Alert] {
    guard !content.previousRiskLevels.isEmpty else { return [] }
    return regions.compactMap { forecast, id in
      let now = forecast.riskLevel
      let message: String
      if let before = content.previousRiskLevels[forecast.regionID] {
        guard now > before else { return nil }
        message =
          now == .red
          ? "now RED (up from \(before.rawValue))" : "moved up from \(before.rawValue) to \(now.rawValue)"
      } else {
        guard now == .red else { return nil }
        message = "new region, at RED"
      }
      return PageViews.Alert(
        name: forecast.region, href: "region/\(id).html", level: now.rawValue,
        levelClass: Self.riskClass(now), levelColor: Self.riskColor(now), message: message)
    }
  }

  /// Days of a daily series the observations table lists: the last four weeks, as many as a
  /// daily forecast has horizons. The chart draws twelve weeks, the region's JSON has them all.
  static let observedTableDays = 28

  private func chart(
    _ metric: MetricForecast, forecast: ForecastData, id: String, isPrimary: Bool
  ) -> PageViews.Chart {
    let unit = metric.frequency == .weekly ? "per week" : "per day"
    let rows = metric.horizons.map { horizon in
      PageViews.HorizonRow(
        horizon: String(horizon.horizon), targetEndDate: horizon.targetEndDate.iso,
        median: Self.median(horizon), interval50: Self.interval(horizon, QuantileLevels.central50),
        interval95: Self.interval(horizon, QuantileLevels.central95))
    }
    let listed = metric.frequency == .daily ? metric.recent.suffix(Self.observedTableDays) : metric.recent[...]
    let observed = listed.map { item in
      PageViews.Fact(label: item.date.iso, value: item.value.map(NumberFormat.count) ?? "missing", link: nil)
    }
    return PageViews.Chart(
      anchor: "metric-\(metric.metric.rawValue)", metricName: metric.metric.displayName,
      svg: fanChart(metric, of: forecast, id: id), logSVG: fanChart(metric, of: forecast, id: id, axis: .log),
      hasRate: (forecast.population ?? 0) > 0,
      caption: "\(metric.metric.displayName) forecast for \(forecast.region), incident counts \(unit), "
        + "reference date \(metric.referenceDate.iso)",
      observedLegend: metric.frequency == .daily
        ? "reported daily counts (bars) and their 7-day average (solid line)"
        : "observed values (points and solid line)",
      observedCaption: "Observed \(metric.metric.displayName.lowercased()) in \(forecast.region), \(unit)"
        + (listed.count < metric.recent.count ? ", the last \(listed.count) days" : ""),
      downloadHref: isPrimary ? "../api/v1/charts/\(id).svg" : nil, rows: rows, observed: observed,
      hasObserved: !observed.isEmpty)
  }

  private func derived(_ forecast: ForecastData) -> [PageViews.Fact] {
    var facts = [
      fact("Risk level", "\(forecast.riskLevel.rawValue) (score \(NumberFormat.fixed(forecast.riskScore, 1)) of 100)"),
      fact("Trend", "\(forecast.trend.rawValue) (rate change: \(Self.words(forecast.trendDetail.rawValue)))"),
      fact(
        "Outbreak probability (a rise of 20% or more next period)",
        NumberFormat.percent(forecast.outbreakProbability, digits: 1)),
      fact(
        "Growth rate",
        Self.signedPercent(exp(forecast.growthRate) - 1) + " per week (median, "
          + forecast.primaryMetric.displayName.lowercased() + ")"),
      fact("Volatility of weekly log growth", NumberFormat.fixed(forecast.volatility, 3) + " (log units per week)"),
      fact("Confidence score", NumberFormat.fixed(forecast.confidenceScore, 2) + " (0 to 1)"),
    ]
    if let incidence = forecast.incidencePer100k {
      facts.append(fact("Incidence per 100k (last week)", NumberFormat.fixed(incidence, 1)))
    }
    if let population = forecast.population {
      facts.append(fact("Population", NumberFormat.count(population)))
    } else {
      facts.append(
        fact(
          "Population",
          "not known: no per-100k values, and the risk level measures the last week against this region's "
            + "own recent peak, not against other regions per person"))
    }
    if let cases = forecast.actualCases {
      facts.append(fact("Cumulative cases (data window)", NumberFormat.count(cases)))
    }
    if let deaths = forecast.actualDeaths {
      facts.append(fact("Cumulative deaths (data window)", NumberFormat.count(deaths)))
    }
    if let last = forecast.forecastedCases?.last {
      facts.append(fact("Forecast cumulative cases, day \(last.day)", NumberFormat.count(last.value)))
    }
    if let last = forecast.forecastedDeaths?.last {
      facts.append(fact("Forecast cumulative deaths, day \(last.day)", NumberFormat.count(last.value)))
    }
    return facts
  }

  private func provenance(_ forecast: ForecastData) -> [PageViews.Fact] {
    [
      fact("Source", forecast.source),
      PageViews.Fact(label: "Source URL", value: forecast.sourceURL, link: Markup.safeLink(forecast.sourceURL)),
      fact("Data as of", forecast.dataAsOf.iso),
      fact("Provider", forecast.provider),
      fact("Model", forecast.model),
      fact("Method", forecast.method),
      fact("Run id", forecast.runID),
      fact("Forecast made", NumberFormat.displayTimestamp(forecast.timestamp)),
      fact("Region code", forecast.regionCode),
      fact("Schema version", forecast.schemaVersion),
      fact("Synthetic data", forecast.isSynthetic ? "yes — not real epidemic figures" : "no"),
    ]
  }

  private func fact(_ label: String, _ value: String) -> PageViews.Fact {
    PageViews.Fact(label: label, value: value, link: nil)
  }

  private static func interval(_ horizon: HorizonForecast, _ bounds: (lower: Int, upper: Int)) -> String {
    guard horizon.quantiles.count == QuantileLevels.hub.count else { return "-" }
    return NumberFormat.count(horizon.quantiles[bounds.lower]) + "–"
      + NumberFormat.count(horizon.quantiles[bounds.upper])
  }

  private static func periodLabel(_ end: Day, _ frequency: Frequency?) -> String {
    frequency == .weekly ? "week ending \(end.iso)" : "next 7 days, to \(end.iso)"
  }

  private static func median(_ horizon: HorizonForecast) -> String {
    guard horizon.quantiles.count == QuantileLevels.hub.count else { return "-" }
    return NumberFormat.count(horizon.median)
  }

  private static func riskClass(_ level: RiskLevel) -> String { level.rawValue.lowercased() }

  /// The site palette's colour of a level (Okabe–Ito, as in style.css), for inline styles.
  private static func riskColor(_ level: RiskLevel) -> String {
    switch level {
    case .red: "#d55e00"
    case .yellow: "#f0e442"
    case .green: "#009e73"
    }
  }

  private static func trendSymbol(_ trend: Trend) -> String {
    switch trend {
    case .increasing: "↑"
    case .decreasing: "↓"
    case .stable: "→"
    }
  }

  private static func words(_ snake: String) -> String { snake.replacingOccurrences(of: "_", with: " ") }

  private static func signedPercent(_ fraction: Double) -> String {
    (fraction > 0 ? "+" : "") + NumberFormat.percent(fraction, digits: 1)
  }
}
