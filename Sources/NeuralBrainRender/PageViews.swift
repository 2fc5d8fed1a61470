/// The typed view models the Mustache templates receive, one per page plus the shared parts.
///
/// Every value is already formatted text (no locale, fixed decimals), so templates stay
/// logic-less; the templates' `{{ }}` tags escape it, and only `svg`/`sparkline` (markup this
/// module drew and escaped itself) go through `{{{ }}}`.
enum PageViews {
  /// What the header and footer of every page show.
  struct Site {
    var title: String
    var description: String
    /// Relative prefix back to the site root (`""`, `"../"`).
    var root: String
    /// The stylesheet's path from the root, e.g. `assets/style.1a2b3c4d5e.css`.
    var stylesheet: String
    var generatedAt: String
    var generatedAtISO: String
    var dataAsOf: String
    var provider: String
    var model: String
    var method: String
    var runID: String
    var source: String
    var sourceURL: String
    var sourceLink: String?
    var sourceLicense: String?
    var retrievedAt: String
    /// `week` or `day`: the period one forecast value covers.
    var periodName: String
    var isSynthetic: Bool
    var isStale: Bool
    var fallbackUsed: Bool
    var notes: [String]
    var hasNotes: Bool
    var license: String
    var licenseURL: String
  }

  /// A labelled value, optionally linked.
  struct Fact {
    var label: String
    var value: String
    var link: String?
  }

  /// `index.html` and its other orders (`index-risk.html`, …).
  struct Index {
    var site: Site
    var regionCount: Int
    var riskCounts: [RiskCount]
    var hasAlerts: Bool
    var alerts: [Alert]
    var alertsNote: String
    var regions: [IndexRow]
    /// The sort links, the current order marked.
    var orders: [SortLink]
    /// How the table is sorted, for its caption.
    var orderCaption: String
    /// How many regions the table lists: all of them by name, the top of a ranking otherwise
    /// (`PageBuilder.rankedRowLimit`).
    var listedCount: Int
    /// The table lists fewer regions than there are: the page links the complete name order.
    var isPartial: Bool
    /// Jump links to the first region of each initial, in name order only.
    var letters: [Letter]
    var hasLetters: Bool
    /// The site script's path from the root (filtering and sorting in place).
    var script: String
  }

  /// A link to one order of the overview.
  struct SortLink {
    var key: String
    var label: String
    var href: String
    var caption: String
    var isCurrent: Bool
  }

  /// A jump link to the first region whose name starts with `letter`.
  struct Letter {
    var letter: String
    var anchor: String
  }

  /// `compare.html` and its further pages: small fan charts of the regions at highest risk
  /// (every region, up to `PageBuilder.rankedRowLimit`), riskiest first.
  struct Compare {
    var site: Site
    var regionCount: Int
    /// How many regions the compare pages show, on all pages together.
    var listedCount: Int
    /// The pages show fewer regions than there are.
    var isPartial: Bool
    /// Which regions this page shows, e.g. "1–100".
    var range: String
    var charts: [SmallChart]
    var pages: [PageLink]
    var hasPages: Bool
  }

  /// One region's small chart on the compare page.
  struct SmallChart {
    var name: String
    var href: String
    var riskLevel: String
    var riskClass: String
    var svg: String
  }

  /// A link to one page of a paginated list.
  struct PageLink {
    var label: String
    var href: String
    var isCurrent: Bool
  }

  /// How many regions are at one risk level.
  struct RiskCount {
    var level: String
    var levelClass: String
    /// Six-digit hex colour of the level, for e-mail's inline styles.
    var levelColor: String
    var count: Int
  }

  /// One "what changed" alert.
  struct Alert {
    var name: String
    var href: String
    var level: String
    var levelClass: String
    var levelColor: String
    var message: String
  }

  /// One region's row on the overview.
  struct IndexRow {
    var id: String
    var name: String
    var href: String
    var riskLevel: String
    var riskClass: String
    var riskColor: String
    var riskScore: String
    var trend: String
    var trendSymbol: String
    var trendDetail: String
    /// Empty in the e-mail, which carries no SVG.
    var sparkline: String
    var metricName: String
    var nextPeriod: String
    var nextMedian: String
    var nextInterval95: String
    var outbreakProbability: String
    /// The region's plain-language verdict (`Verdict`).
    var verdict: String
    /// Incidence per 100k in the last week, and the weekly growth rate, formatted.
    var incidence: String
    var growth: String
    /// Lower-cased name and code, which the site script's filter matches.
    var filterText: String
    /// The row's position (from 1) in each `IndexOrder`, for sorting in place.
    var ranks: [String: Int]
    /// The id of the first row of an initial, on the name-ordered page.
    var letterAnchor: String?
  }

  /// `region/<id>.html`.
  struct Region {
    var site: Site
    var name: String
    var id: String
    var code: String
    var riskLevel: String
    var riskClass: String
    var riskScore: String
    var trend: String
    var trendSymbol: String
    var trendDetail: String
    /// The region's plain-language verdict (`Verdict`).
    var verdict: String
    var derived: [Fact]
    var provenance: [Fact]
    var charts: [Chart]
    /// The primary metric's forecasts of 1–4 weeks earlier against what followed.
    var lookBackMetric: String
    var lookBack: [LookBackChart]
    var hasLookBack: Bool
    var jsonHref: String
    var csvHref: String
  }

  /// One earlier forecast on a region page, with how well its intervals held.
  struct LookBackChart {
    /// "1 week earlier", "2 weeks earlier", …
    var label: String
    var referenceDate: String
    var model: String
    var svg: String
    var coverage: String
  }

  /// One metric's fan chart and its numbers.
  struct Chart {
    var anchor: String
    var metricName: String
    /// The chart on a linear value axis (shown first) and on a logarithmic one.
    var svg: String
    var logSVG: String
    /// Whether the charts carry per-100k ticks (the region's population is known).
    var hasRate: Bool
    var caption: String
    /// How the chart draws what was observed (points and line, or daily bars and an average).
    var observedLegend: String
    var observedCaption: String
    var downloadHref: String?
    var rows: [HorizonRow]
    var observed: [Fact]
    var hasObserved: Bool
  }

  /// One horizon of the forecast table.
  struct HorizonRow {
    var horizon: String
    var targetEndDate: String
    var median: String
    var interval50: String
    var interval95: String
  }

  /// `evaluation.html`.
  struct Evaluation {
    var site: Site
    var hasRows: Bool
    var rows: [EvaluationLine]
    /// The scores per reference date, metric by metric.
    var hasOverTime: Bool
    var overTime: [EvaluationLine]
  }

  /// One row of the evaluation table.
  struct EvaluationLine {
    var model: String
    var horizon: String
    var count: String
    var meanWIS: String
    var coverage50: String
    var coverage95: String
    var relativeWIS: String
    /// The reference date, in rows over time ("" otherwise).
    var referenceDate: String
  }

  /// `about.html`.
  struct About {
    var site: Site
    var quantileLevels: String
    var citation: String
    var regionCount: Int
    /// What the forecasts cover, e.g. "2 metrics (cases, deaths) × 28 horizons".
    var shape: String
  }

  /// `404.html`.
  struct NotFound {
    var site: Site
  }

  /// The daily summary e-mail (`email.html` and `email.txt`): the overview's counts and alerts,
  /// and the riskiest regions first.
  struct Email {
    var site: Site
    var subject: String
    var regionCount: Int
    var riskCounts: [RiskCount]
    var risingCount: Int
    var hasAlerts: Bool
    /// At most `PageBuilder.emailRegionLimit` alerts, highest risk score first.
    var alerts: [Alert]
    var hasMoreAlerts: Bool
    /// Alerts left out of the e-mail.
    var moreAlertCount: Int
    var alertsNote: String
    /// At most `PageBuilder.emailRegionLimit` rows, highest risk score first.
    var regions: [IndexRow]
    var hasMore: Bool
    /// Regions left out of the e-mail.
    var moreCount: Int
    /// The site's absolute URL ending in `/`, for `{{siteURL}}{{href}}` links; nil without a base URL.
    var siteURL: String?
    var indexURL: String?
    var archiveURL: String?
    var unsubscribeURL: String?
  }
}
