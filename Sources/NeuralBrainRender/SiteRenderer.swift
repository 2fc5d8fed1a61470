import Foundation
import NeuralBrainCore
import NeuralBrainTemplates

/// Renders one release — HTML pages, SVG charts, JSON API, CSV and feeds — from `SiteContent`.
///
/// Pages come from user-editable Mustache templates; everything else is built in code. The
/// result is a pure function of the content: the same content gives byte-identical files, and
/// every path is built from `SitePath` components and region slugs, never from raw input.
public struct SiteRenderer: Sendable {
  /// Templates the site needs (file names without `.mustache`).
  static let requiredTemplates = [
    "404", "about", "compare", "evaluation", "footer", "header", "index", "region", "style.css",
  ]

  /// The parsed templates and the folder they came from (for error messages).
  let library: TemplateLibrary
  let templatesPath: String
  /// SHA-256 of every template's name and text: part of each page key.
  let templatesDigest: String
  /// Which build of the program renders (`RunEnvironment.build`): part of each page key, since
  /// another build may render the same content differently.
  public var build = ""

  /// Parses `templates`, read from `directory` (named in error messages).
  ///
  /// - Throws: `RenderError` naming a missing template, or the file, line and column of an
  ///   unparsable one.
  public init(templates: [TemplateFile], directory: String) throws {
    do {
      library = try TemplateLibrary(
        templates: Dictionary(templates.map { ($0.name, $0.text) }) { _, last in last },
        contentTypes: MarkupContentType.all, defaultContentType: MarkupContentType.initial)
    } catch {
      throw RenderError.unparsableTemplate(
        file: templates.last { $0.name == error.template }?.path ?? error.template, line: error.line,
        column: error.column, reason: error.message)
    }
    for name in Self.requiredTemplates where !library.names.contains(name) {
      throw RenderError.missingTemplate(name: name, directory: directory)
    }
    self.templatesPath = directory
    templatesDigest = SHA256Hasher.hex(
      Array(templates.sorted { $0.name < $1.name }.map { "\($0.name)\n\($0.text)" }.joined(separator: "\u{1E}").utf8))
  }

  /// The first 10 hex digits of the SHA-256 of `text`: a file name that changes exactly when
  /// the content does, so the file can be cached as immutable.
  static func fingerprint(_ text: String) -> String {
    String(SHA256Hasher.hex(Array(text.utf8)).prefix(10))
  }

  /// All files of a release, sorted by path.
  public func render(_ content: SiteContent) throws -> [SiteFile] {
    try render(content, previous: nil).files
  }

  /// All files of a release in memory, sorted by path, and each region page's key (see
  /// `render(_:previous:into:batchSize:)`): for tests and small releases.
  public func render(_ content: SiteContent, previous: PreviousRelease?) throws -> RenderedRelease {
    let collector = ReleaseCollector()
    let pageKeys = try render(content, previous: previous, into: collector)
    return collector.release(pageKeys: pageKeys)
  }

  /// Renders every file of a release into `sink`, `batchSize` regions at a time, so that memory
  /// holds one batch of region files, not the release; `global.json` and `hub.csv` are appended
  /// to a batch at a time. Returns each region page's key by path.
  ///
  /// With the live release as `previous`, a region whose forecast that release already has keeps
  /// the run that issued it (`IssuedDocument`), and a region page whose key is the live page's is
  /// that page's bytes, with its chart, instead of a new rendering. Each region's files go to the
  /// sink from the task that rendered them, so that checking and compressing them overlaps the
  /// rendering of the others instead of waiting for the batch. The batches are fixed in size,
  /// never in time or cores, so the files are the same whatever the machine.
  public func render(
    _ content: SiteContent, previous: PreviousRelease?, into sink: some ReleaseSink, batchSize: Int = 256
  ) throws -> [String: String] {
    let ids = try Self.regionIDs(content.forecasts)
    let css = SVGChart.pageRules + renderedText(.object([:]), template: "style.css")
    let stylesheet = "assets/style.\(Self.fingerprint(css)).css"
    let script = "assets/site.\(Self.fingerprint(SiteScript.text)).js"
    let builder = PageBuilder(content: content, ids: ids, stylesheet: stylesheet, script: script)
    let api = "api/v1/"
    let keyPrefix = "page key v1\n\(build)\n\(templatesDigest)\n\(stylesheet)\n"

    // Each region's page, JSON document, chart and hub rows, rendered on every core.
    let hubPath = try Self.path(api + "forecasts/hub.csv")
    let globalPath = try Self.path(api + "forecasts/global.json")
    let renderRegion: @Sendable (ForecastData, String) throws -> RegionOutput = { issued, id in
      var forecast = issued
      let pagePath = try Self.path("region/\(id).html")
      let jsonPath = try Self.path(api + "forecasts/region/\(id).json")
      let chartPath = try Self.path(api + "charts/\(id).svg")
      var json = try JSONOutput.forecastDocument(forecast, at: jsonPath)
      var fromLive: [SitePath] = []
      if let old = previous?.read(jsonPath), let earlier = IssuedDocument.earlierIssue(of: json.contents, previous: old)
      {
        forecast.runID = earlier.runID
        forecast.timestamp = earlier.timestamp
        json.contents = old
        fromLive.append(jsonPath)
      }
      let hubRows = try HubCSV.rows(forecast, file: hubPath.description)
      // Everything the page and the chart are made from; the same key, the same bytes.
      let key = SHA256Hasher.hex(
        Array(
          (keyPrefix + Self.keyText(builder.regionSite(forecast, id: id)) + "\n"
            + Verdict.sentence(for: forecast, ranking: builder.ranking) + "\n"
            + String(describing: content.pastForecasts[forecast.regionID] ?? []) + "\n").utf8) + json.contents)
      var files: [SiteFile]
      if let previous, previous.pageKeys[pagePath.description] == key, let page = previous.read(pagePath),
        let chart = forecast.primaryForecast == nil ? [] : previous.read(chartPath)
      {
        files =
          [SiteFile(path: pagePath, contents: page), json]
          + (chart.isEmpty ? [] : [SiteFile(path: chartPath, contents: chart)])
        fromLive += [pagePath] + (chart.isEmpty ? [] : [chartPath])
      } else {
        let view = builder.region(forecast, id: id)
        files = [
          SiteFile(path: pagePath, contents: library.render(view.templateObject, template: "region") ?? []),
          json,
        ]
        // The chart file is the primary metric's chart of the page, drawn once.
        if let chart = view.charts.first(where: { $0.downloadHref != nil }) {
          files.append(SiteFile(path: chartPath, text: SVGChart.standalone(chart.svg)))
        }
      }
      try sink.write(files, fromLiveRelease: Set(fromLive))
      return RegionOutput(files: files, hubRows: hubRows, pageKey: key)
    }
    let frame = try APIDocuments.globalFrame(content, regionCount: ids.count, at: globalPath)
    if let frame { try sink.append(frame.head, to: globalPath) }
    try sink.append(Array(HubCSV.header.utf8), to: hubPath)
    let regions = Array(zip(content.forecasts, ids))
    var pageKeys: [String: String] = [:]
    var regionPages: [SitePath] = []
    for start in stride(from: 0, to: regions.count, by: max(batchSize, 1)) {
      let batch = try regions[start..<min(start + max(batchSize, 1), regions.count)].concurrentMap(renderRegion)
      if frame != nil {
        var documents: [UInt8] = []
        for (index, region) in batch.enumerated() {
          if start + index > 0 { documents.append(UInt8(ascii: ",")) }
          let document = region.files[1].contents
          documents += document.last == 0x0A ? document.dropLast() : document[...]
        }
        try sink.append(documents, to: globalPath)
      }
      try sink.append(Array(batch.map(\.hubRows).joined()), to: hubPath)
      for region in batch {
        pageKeys[region.files[0].path.description] = region.pageKey
        regionPages.append(region.files[0].path)
      }
    }
    if let frame { try sink.append(frame.tail, to: globalPath) }
    let comparePages = (1...builder.comparePageCount).map { PageBuilder.comparePath($0) }
    let pages =
      try (IndexOrder.allCases.map(\.path) + comparePages + ["about.html", "evaluation.html"]).map(Self.path)
      + regionPages
    let indexRows = builder.indexRows()

    // The site-wide files, each independent of the others, on every core too.
    func page(_ path: String, _ template: String, _ view: @escaping @Sendable () -> Any) -> SiteJob {
      {
        SiteFile(
          path: try Self.path(path), contents: library.render(TemplateValue.make(view()), template: template) ?? [])
      }
    }
    func text(_ path: String, _ text: @escaping @Sendable () throws -> String) -> SiteJob {
      { SiteFile(path: try Self.path(path), text: try text()) }
    }
    func json(_ path: String, snakeCase: Bool = true, _ value: @escaping @Sendable () -> any Encodable) -> SiteJob {
      { try JSONOutput.file(value(), at: Self.path(path), snakeCase: snakeCase) }
    }
    let overview: [SiteJob] = IndexOrder.allCases.map { order in
      page(order.path, "index") { builder.index(order: order, rows: indexRows) }
    }
    let compared = builder.comparedRegions()
    let compare: [SiteJob] = comparePages.enumerated().map { index, path in
      page(path, "compare") { builder.compare(page: index + 1, ranked: compared) }
    }
    let siteWide: [SiteJob] =
      overview + compare + [
        page("about.html", "about") { builder.about() },
        page("evaluation.html", "evaluation") { builder.evaluation() },
        page("404.html", "404") { builder.notFound() },
        // The pages link the fingerprinted copy (cacheable forever); the stable name serves
        // templates written before fingerprints.
        text(stylesheet) { css },
        text("assets/style.css") { css },
        text(script) { SiteScript.text },
        // Discovery.
        text("robots.txt") { SiteFeeds.robots(content) },
        text("feed.xml") { SiteFeeds.atom(content) },
        // JSON API.
        json(api + "predictions/summary.json") { APIDocuments.summary(content) },
        json(api + "regions.json") { APIDocuments.regions(content) },
        json(api + "status.json") { APIDocuments.status(content) },
        json(api + "schema/forecast-data.json", snakeCase: false) { StandardDocuments.forecastDataSchema },
        json(api + "datapackage.json", snakeCase: false) { StandardDocuments.dataPackage(content) },
      ] + (frame == nil ? [json(globalPath.description) { APIDocuments.global(content) }] : [])
    // Each job hands its file to the sink itself, so memory holds the files being rendered and
    // no core waits for a slower job of a group; the largest (the overview in name order, tens
    // of megabytes in a large release) goes first.
    _ = try siteWide.concurrentMap { job in try sink.write([try job()], fromLiveRelease: []) }
    // Without a base URL there is no sitemap: the protocol allows absolute URLs only.
    if let sitemap = SiteFeeds.sitemap(content, pages: pages) {
      try sink.write([SiteFile(path: try Self.path("sitemap.xml"), text: sitemap)], fromLiveRelease: [])
    }
    return pageKeys
  }

  // MARK: - Implementation details

  /// Template `name` rendered with `data`, as text (empty when there is no such template).
  func renderedText(_ data: TemplateData, template name: String) -> String {
    String(decoding: library.render(data, template: name) ?? [], as: UTF8.self)
  }

  /// Every field of a page's site header, by name in order, each value `spelled` (texts quoted
  /// and escaped): what the page key holds of it. The fields come
  /// from `TemplateFields`, which lists every stored property; reflecting the struct as a whole
  /// (`Mirror`) took as long as drawing a chart.
  static func keyText(_ site: PageViews.Site) -> String {
    site.templateFields.sorted { $0.key < $1.key }.map { "\($0.key)=\(spelled($0.value))" }.joined(separator: "\n")
  }

  /// `data` spelled so that two different values never read the same: texts quoted and escaped
  /// (`String(reflecting:)`), lists in brackets, objects' fields in name order.
  private static func spelled(_ data: TemplateData) -> String {
    switch data {
    case .text(let text): String(reflecting: text)
    case .integer(let number): String(number)
    case .double(let number): number.description
    case .bool(let flag): flag ? "true" : "false"
    case .list(let items): "[" + items.map(spelled).joined(separator: ", ") + "]"
    case .object(let fields):
      "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(spelled($0.value))" }.joined(separator: ", ") + "}"
    case .null: "nil"
    }
  }

  private static func path(_ text: String) throws -> SitePath {
    guard let path = SitePath(text) else { throw RenderError.invalidPath(text) }
    return path
  }

  /// A slug per region (its id when already a slug), refusing two regions with one page.
  static func regionIDs(_ forecasts: [ForecastData]) throws -> [String] {
    var seen = Set<String>()
    return try forecasts.map { forecast in
      let id = Slug.isValid(forecast.regionID) ? forecast.regionID : Slug.make(forecast.regionID)
      guard seen.insert(id).inserted else { throw RenderError.duplicateRegionID(id) }
      return id
    }
  }
}

/// One site-wide file of a release, rendered when called.
typealias SiteJob = @Sendable () throws -> SiteFile

/// What one region contributes to a release beyond the files it hands the sink itself: those
/// files again (page, JSON document, chart: the document also goes into `global.json`), its lines
/// of `hub.csv` and its page's key.
struct RegionOutput: Sendable {
  var files: [SiteFile]
  var hubRows: [UInt8]
  var pageKey: String
}
