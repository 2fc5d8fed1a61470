import Crypto
import Foundation
import Mustache
import NeuralBrainCore

/// Renders one release — HTML pages, SVG charts, JSON API, CSV and feeds — from `SiteContent`.
///
/// Pages come from user-editable Mustache templates; everything else is built in code. The
/// result is a pure function of the content: the same content gives byte-identical files, and
/// every path is built from `SitePath` components and region slugs, never from raw input.
public struct SiteRenderer: Sendable {
  /// Templates the site needs (file names without `.mustache`).
  static let requiredTemplates = ["404", "about", "evaluation", "footer", "header", "index", "region", "style.css"]

  /// The loaded templates and the folder they came from (for error messages).
  let library: MustacheLibrary
  let templatesPath: String

  /// Parses `templates`, read from `directory` (named in error messages).
  ///
  /// - Throws: `RenderError` naming a missing template, or the file, line and column of an
  ///   unparsable one.
  public init(templates: [TemplateFile], directory: String) throws {
    var library = MustacheLibrary()
    for template in templates {
      do {
        library.register(try MustacheTemplate(string: template.text), named: template.name)
      } catch let error as MustacheTemplate.ParserError {
        throw RenderError.unparsableTemplate(
          file: template.path, line: error.context.lineNumber, column: error.context.columnNumber,
          reason: "\(error.error)")
      }
    }
    for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
      throw RenderError.missingTemplate(name: name, directory: directory)
    }
    self.library = library
    self.templatesPath = directory
  }

  /// The first 10 hex digits of the SHA-256 of `text`: a file name that changes exactly when
  /// the content does, so the file can be cached as immutable.
  static func fingerprint(_ text: String) -> String {
    SHA256.hash(data: Array(text.utf8)).prefix(5).map { String(format: "%02x", $0) }.joined()
  }

  /// All files of a release, sorted by path.
  public func render(_ content: SiteContent) throws -> [SiteFile] {
    let ids = try Self.regionIDs(content.forecasts)
    let css = library.render([String: String](), withTemplate: "style.css") ?? ""
    let stylesheet = "assets/style.\(Self.fingerprint(css)).css"
    let builder = PageBuilder(content: content, ids: ids, stylesheet: stylesheet)
    var files: [SiteFile] = []
    func add(_ path: String, _ text: String) throws {
      files.append(SiteFile(path: try Self.path(path), text: text))
    }
    func page(_ path: String, _ template: String, _ view: Any) throws {
      try add(path, library.render(TemplateValue.make(view), withTemplate: template) ?? "")
    }

    // HTML pages and assets.
    try page("index.html", "index", builder.index())
    var pages = [try Self.path("index.html"), try Self.path("about.html"), try Self.path("evaluation.html")]
    for (forecast, id) in zip(content.forecasts, ids) {
      try page("region/\(id).html", "region", builder.region(forecast, id: id))
      pages.append(try Self.path("region/\(id).html"))
    }
    try page("about.html", "about", builder.about())
    try page("evaluation.html", "evaluation", builder.evaluation())
    try page("404.html", "404", builder.notFound())
    // The pages link the fingerprinted copy (cacheable forever); the stable name serves
    // templates written before fingerprints.
    try add(stylesheet, css)
    try add("assets/style.css", css)

    // Discovery.
    try add("robots.txt", SiteFeeds.robots(content))
    try add("sitemap.xml", SiteFeeds.sitemap(content, pages: pages))
    try add("feed.xml", SiteFeeds.atom(content))

    // JSON API, charts and CSV.
    let api = "api/v1/"
    files.append(try JSONOutput.file(APIDocuments.global(content), at: Self.path(api + "forecasts/global.json")))
    for (forecast, id) in zip(content.forecasts, ids) {
      files.append(try JSONOutput.file(forecast, at: Self.path(api + "forecasts/region/\(id).json")))
      if let primary = forecast.primaryForecast {
        try add(api + "charts/\(id).svg", builder.fanChart(primary, of: forecast, id: id))
      }
    }
    files.append(try JSONOutput.file(APIDocuments.summary(content), at: Self.path(api + "predictions/summary.json")))
    files.append(try JSONOutput.file(APIDocuments.regions(content), at: Self.path(api + "regions.json")))
    files.append(try JSONOutput.file(APIDocuments.status(content), at: Self.path(api + "status.json")))
    files.append(
      try JSONOutput.file(
        StandardDocuments.forecastDataSchema, at: Self.path(api + "schema/forecast-data.schema.json"), snakeCase: false)
    )
    files.append(
      try JSONOutput.file(
        StandardDocuments.dataPackage(content), at: Self.path(api + "datapackage.json"), snakeCase: false))
    try add(api + "forecasts/hub.csv", HubCSV.text(content.forecasts, file: api + "forecasts/hub.csv"))

    return files.sorted { $0.path < $1.path }
  }

  // MARK: - Implementation details

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
