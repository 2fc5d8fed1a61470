import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainMarkup
import NeuralBrainPipeline
import Testing

@testable import NeuralBrainRender

@Suite("Site renderer")
struct SiteRendererTests {
  @Test("renders every file of a release")
  func fileList() throws {
    let files = try SiteFixtures.files(SiteFixtures.content(baseURL: "https://example.org/"))
    let expected = [
      "index.html", "index-risk.html", "index-incidence.html", "index-growth.html", "compare.html",
      "about.html", "evaluation.html", "404.html", "robots.txt", "sitemap.xml", "feed.xml",
      "assets/style.css", "region/al.html", "region/be.html", "region/ga.html",
      "api/v1/forecasts/global.json", "api/v1/forecasts/region/al.json", "api/v1/charts/al.svg",
      "api/v1/predictions/summary.json", "api/v1/regions.json", "api/v1/status.json",
      "api/v1/schema/forecast-data.json", "api/v1/forecasts/hub.csv", "api/v1/datapackage.json",
    ]
    for path in expected {
      #expect(files[path] != nil, "missing \(path)")
    }
    // be/ga region JSON and charts, the fingerprinted CSS and script
    #expect(files.count == expected.count + 6)
    let fingerprinted = files.keys.filter { $0.hasPrefix("assets/style.") && $0 != "assets/style.css" }
    #expect(fingerprinted.count == 1)
    let name = try #require(fingerprinted.first)
    #expect(name.wholeMatch(of: /assets\/style\.[0-9a-f]{10}\.css/) != nil, "\(name)")
    #expect(files[name] == files["assets/style.css"])
    #expect(files[name]?.hasPrefix(SVGChart.pageRules) == true, "the charts' styles come first, the template's after")
    let script = try #require(files.keys.first { $0.hasPrefix("assets/site.") })
    #expect(script.wholeMatch(of: /assets\/site\.[0-9a-f]{10}\.js/) != nil, "\(script)")
    #expect(files["index.html"]?.contains("<script src=\"\(script)\" defer=\"defer\"></script>") == true)
  }

  @Test("the same content renders byte-identical files")
  func deterministic() throws {
    let renderer = try SiteFixtures.renderer()
    let first = try renderer.render(SiteFixtures.content())
    let second = try renderer.render(SiteFixtures.content())
    #expect(first == second)
    #expect(first.map(\.path) == first.map(\.path).sorted())
  }

  @Test("the batch size changes nothing in the files", arguments: [1, 2, 1_000])
  func batchesDoNotShow(batchSize: Int) throws {
    let renderer = try SiteFixtures.renderer()
    let content = SiteFixtures.content(baseURL: "https://example.org/")
    let whole = try renderer.render(content, previous: nil)
    let collector = ReleaseCollector()
    let pageKeys = try renderer.render(content, previous: nil, into: collector, batchSize: batchSize)
    let batched = collector.release(pageKeys: pageKeys)
    #expect(batched.files == whole.files)
    #expect(batched.pageKeys == whole.pageKeys)
    #expect(whole.pageKeys.count == content.forecasts.count)
  }

  @Test("the index page matches its golden file")
  func indexGolden() throws {
    let content = SiteFixtures.content(previous: ["al": .yellow, "be": .green, "ga": .green])
    let files = try SiteFixtures.files(content)
    try Golden.check(try #require(files["index.html"]), named: "index.html")
  }

  @Test("a hostile region name comes out escaped in every page, chart and feed")
  func escaping() throws {
    let hostile = "<script>alert(1)</script> & \"Co\" 'x'"
    let content = SiteFixtures.content(regionName: hostile, run: SiteFixtures.run(model: "m<b>"))
    let files = try SiteFixtures.files(content)
    let markup = files.filter { path, _ in [".html", ".svg", ".xml"].contains { path.hasSuffix($0) } }
    #expect(markup.count >= 10)
    for (path, text) in markup {
      // The only script is the site's own, linked from the overview.
      let scripts = text.components(separatedBy: "<script").count - 1
      let own = text.components(separatedBy: "<script src=\"assets/site.").count - 1
      #expect(scripts == own, "\(path) contains a raw <script> tag")
      #expect(!text.contains("<b>"), "\(path) contains raw markup from the model name")
    }
    let page = try #require(files["region/be.html"])
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &#39;x&#39;"))
    let chart = try #require(files["index.html"])
    #expect(
      chart.contains(
        "<title id=\"spark-be-title\">Cases in &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &#39;x&#39;"))
    // JSON keeps the name as data, escaped only as JSON requires.
    #expect(
      try #require(files["api/v1/forecasts/region/be.json"]).contains(
        "\"region\":\"<script>alert(1)</script> & \\\"Co\\\" 'x'\""))
  }

  @Test("every HTML page names generated-at, as-of, provider and model and links back with relative paths")
  func pageChrome() throws {
    let files = try SiteFixtures.files(SiteFixtures.content())
    for (path, text) in files where path.hasSuffix(".html") {
      #expect(text.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"), "\(path)")
      #expect(text.contains("<meta name=\"viewport\""), "\(path)")
      #expect(text.contains("<title>"), "\(path)")
      #expect(text.contains("2026-11-29 01:00 UTC"), "\(path)")
      #expect(text.contains("2026-11-21"), "\(path)")
      #expect(text.contains("local") && text.contains("local-ensemble-v1"), "\(path)")
    }
    let region = try #require(files["region/al.html"])
    let stylesheet = try #require(files.keys.first { $0.hasPrefix("assets/style.") && $0 != "assets/style.css" })
    #expect(region.contains("href=\"../\(stylesheet)\""), "pages link the fingerprinted stylesheet")
    #expect(region.contains("href=\"../index.html\""))
    #expect(try #require(files["index.html"]).contains("href=\"region/al.html\""))
  }

  @Test(
    "banners appear exactly when data are synthetic, stale or from a fallback",
    arguments: [
      (true, false, false), (false, true, false), (false, false, true), (false, false, false),
    ])
  func banners(synthetic: Bool, stale: Bool, fallback: Bool) throws {
    let run = SiteFixtures.run(synthetic: synthetic, stale: stale, fallback: fallback)
    let files = try SiteFixtures.files(SiteFixtures.content(run: run))
    for (path, text) in files where path.hasSuffix(".html") {
      #expect(text.contains("Synthetic demo data — not real epidemic figures") == synthetic, "\(path)")
      #expect(text.contains("class=\"banner banner-stale\"") == stale, "\(path)")
      #expect(text.contains("class=\"banner banner-fallback\"") == fallback, "\(path)")
    }
  }

  @Test("alerts list regions that moved up a level and new RED regions")
  func alerts() throws {
    let content = SiteFixtures.content(previous: ["be": .green, "ga": .yellow, "other": .red])
    let index = try #require(try SiteFixtures.files(content)["index.html"])
    #expect(index.contains("<a href=\"region/al.html\">Alpha County</a>: new region, at RED"))
    #expect(index.contains("<a href=\"region/be.html\">Beta Province</a>: moved up from GREEN to YELLOW"))
    #expect(!index.contains("<a href=\"region/ga.html\">Gamma City</a>:"))

    let upToRed = SiteFixtures.content(previous: ["al": .yellow])
    #expect(try #require(try SiteFixtures.files(upToRed)["index.html"]).contains("now RED (up from YELLOW)"))
    let first = try #require(try SiteFixtures.files(SiteFixtures.content())["index.html"])
    #expect(first.contains("This is the first release"))
  }

  @Test(
    "each order of the overview is its own page, sorted, with its link marked current",
    arguments: [
      ("index.html", ["Alpha County", "Beta Province", "Gamma City"], "sorted by region name"),
      ("index-risk.html", ["Alpha County", "Beta Province", "Gamma City"], "sorted by risk score"),
      ("index-incidence.html", ["Alpha County", "Beta Province", "Gamma City"], "sorted by incidence"),
      ("index-growth.html", ["Alpha County", "Gamma City", "Beta Province"], "sorted by weekly growth"),
    ])
  func overviewOrders(path: String, names: [String], caption: String) throws {
    var content = SiteFixtures.content(regionName: "Beta Province")
    // Incidence in another order than risk: Gamma unknown (last), Beta above Alpha.
    content.forecasts[1].incidencePer100k = 500
    content.forecasts[2].incidencePer100k = nil
    let expected = path == "index-incidence.html" ? ["Beta Province", "Alpha County", "Gamma City"] : names
    let page = try #require(try SiteFixtures.files(content)[path])
    let positions = try expected.map { name in
      try #require(page.range(of: ">\(name)</a></th>")).lowerBound
    }
    #expect(positions == positions.sorted(), "\(path) lists \(expected) in that order")
    #expect(page.contains("<span class=\"order-caption\">\(caption)"))
    #expect(page.contains("<a href=\"\(path)\" data-order=") && page.contains("aria-current=\"page\">"))
    let current = page.components(separatedBy: "aria-current=\"page\"").count - 1
    #expect(current == 1, "one current order")
    // Rows carry their rank in every order, so the script sorts exactly as the pages do.
    #expect(page.contains("data-filter=\"alpha county al\" data-rank-name=\"1\" data-rank-risk=\"1\""))
    #expect(page.contains("data-rank-incidence=\"3\" data-rank-growth=\"2\""))
    #expect(page.contains("id=\"region-filter\" hidden=\"hidden\""))
    #expect(page.contains("<nav class=\"letters\"") == (path == "index.html"))
    if path == "index.html" {
      #expect(page.contains("<tr id=\"letter-1\" title="))
      #expect(page.contains("<li><a href=\"#letter-3\">G</a></li>"))
    }
  }

  @Test("a ranking lists only its top regions, and says so; the name order lists them all", arguments: [1, 2, 3])
  func rankedTop(limit: Int) {
    var builder = PageBuilder(
      content: SiteFixtures.content(), ids: ["alpha-county", "beta-province", "gamma-city"])
    builder.rankedRowLimit = limit
    let rows = builder.indexRows()
    for order in IndexOrder.allCases {
      let view = builder.index(order: order, rows: rows)
      let listed = order == .name ? 3 : limit
      #expect(view.regions.count == listed && view.listedCount == listed, "\(order)")
      #expect(view.regions.map { $0.ranks[order.rawValue] } == Array(1...listed), "\(order): the first of the order")
      #expect(view.isPartial == (listed < 3) && view.regionCount == 3, "\(order)")
    }
  }

  @Test("the compare page shows every region's small chart, riskiest first, in pages of 100")
  func comparePage() throws {
    let files = try SiteFixtures.files(SiteFixtures.content())
    let page = try #require(files["compare.html"])
    #expect(page.components(separatedBy: "class=\"nb-small\"").count - 1 == 3)
    let alpha = try #require(page.range(of: ">Alpha County</a>")).lowerBound
    let gamma = try #require(page.range(of: ">Gamma City</a>")).lowerBound
    #expect(alpha < gamma)
    #expect(page.contains("Regions 1–3 of 3."))
    #expect(!page.contains("<nav class=\"pages\""), "one page needs no page links")
    #expect(files["compare-2.html"] == nil)

    var large = SiteFixtures.content()
    let template = large.forecasts[2]
    large.forecasts = (0..<230).map { index in
      var forecast = template
      forecast.regionID = String(format: "r%03d", index)
      forecast.region = "Region \(index)"
      forecast.riskScore = Double(index % 97)
      return forecast
    }
    let paged = try SiteFixtures.files(large)
    #expect(paged["compare-3.html"] != nil && paged["compare-4.html"] == nil)
    let last = try #require(paged["compare-3.html"])
    #expect(last.contains("Regions 201–230 of 230."))
    #expect(last.contains("<a href=\"compare-3.html\" aria-current=\"page\">3</a>"))
    #expect(last.components(separatedBy: "class=\"nb-small\"").count - 1 == 30)
    #expect(!last.contains("These pages show"))

    // Past the limit, the pages show the regions at highest risk and say so.
    var builder = PageBuilder(content: large, ids: large.forecasts.map(\.regionID))
    builder.rankedRowLimit = 150
    let ranked = builder.comparedRegions()
    #expect(builder.comparePageCount == 2 && ranked.count == 150)
    #expect(ranked.map(\.0.riskScore) == large.forecasts.map(\.riskScore).sorted(by: >).prefix(150).map { $0 })
    let second = builder.compare(page: 2, ranked: ranked)
    #expect(second.range == "101–150" && second.regionCount == 230 && second.listedCount == 150 && second.isPartial)
    #expect(second.charts.count == 50 && second.pages.map(\.href) == ["compare.html", "compare-2.html"])
  }

  @Test("a region page has linear and logarithmic charts, with per-100k values where the population is known")
  func chartVariants() throws {
    var content = SiteFixtures.content()
    content.forecasts[1].population = nil
    let files = try SiteFixtures.files(content)
    let page = try #require(files["region/al.html"])
    #expect(page.contains("<div class=\"chart-log\">"))
    #expect(page.contains("logarithmic scale</title>"))
    #expect(page.contains("class=\"axis-log\" name=\"metric-cases-axis\""))
    #expect(page.contains("class=\"unit-rate\" name=\"metric-cases-unit\""))
    #expect(page.contains("<g class=\"nb-u-rate\">"))
    let unknown = try #require(files["region/be.html"])
    #expect(unknown.contains("<div class=\"chart-log\">") && !unknown.contains("unit-rate"))
    #expect(!unknown.contains("<g class=\"nb-u-rate\">"))
    // The downloadable chart is the linear one.
    #expect(try #require(files["api/v1/charts/al.svg"]).contains("logarithmic") == false)
  }

  @Test("a region page looks back on the forecasts of earlier weeks, with their coverage; without them it says why")
  func lookBack() throws {
    var content = SiteFixtures.content()
    let recent = content.forecasts[0].metrics[0].recent
    // Published two and three weeks before the last observation: the first held both observed
    // targets in its 95% interval, the second (far too high) neither.
    func past(_ weeks: Int, scale: Double) -> PastForecast {
      let reference = SiteFixtures.lastObserved.adding(days: -7 * weeks)
      let horizons = (0..<weeks).map { step -> HorizonForecast in
        let date = reference.adding(days: 7 * step)
        let observed = recent.first { $0.date == date }?.value ?? 0
        return HorizonForecast(
          horizon: step, targetEndDate: date, quantiles: QuantileLevels.hub.map { scale * observed * (0.5 + $0) })
      }
      return PastForecast(
        weeksEarlier: weeks, metric: .cases, referenceDate: reference, model: "local/local-ensemble-v1",
        horizons: horizons)
    }
    content.pastForecasts = ["al": [past(2, scale: 1), past(3, scale: 10)]]
    let files = try SiteFixtures.files(content)
    let page = try #require(files["region/al.html"])
    #expect(page.contains("2 weeks earlier: reference date 2026-11-07, local/local-ensemble-v1"))
    #expect(page.contains("2 of 2 observed targets inside the 95% interval, 2 inside the 50% interval."))
    #expect(page.contains("0 of 3 observed targets inside the 95% interval, 0 inside the 50% interval."))
    #expect(page.components(separatedBy: "class=\"nb-hit\"").count - 1 == 2)
    #expect(page.components(separatedBy: "class=\"nb-miss\"").count - 1 == 3)
    let other = try #require(files["region/be.html"])
    #expect(other.contains("No forecast published 1 to 4 weeks before this one is in the archive yet."))
    #expect(!other.contains("nb-lookback"))
  }

  @Test("the evaluation page follows scores over time, per reference date")
  func evaluationOverTime() throws {
    let rows = [
      EvaluationRow(model: "local · cases", horizon: nil, count: 8, meanWIS: 4, coverage50: 0.5, coverage95: 1),
      EvaluationRow(
        model: "local · cases", horizon: nil, count: 4, meanWIS: 3.5, coverage50: 0.25, coverage95: 1,
        relativeWIS: 0.7, referenceDate: Day(iso: "2026-11-14")),
    ]
    let page = try #require(try SiteFixtures.files(SiteFixtures.content(evaluation: rows))["evaluation.html"])
    #expect(
      page.contains(
        "<tr><th scope=\"row\">local · cases</th><td>2026-11-14</td><td class=\"num\">4</td><td class=\"num\">3.50</td>"
          + "<td class=\"num\">0.70</td><td class=\"num\">25.0%</td><td class=\"num\">100.0%</td></tr>"))
    #expect(page.components(separatedBy: "<th scope=\"row\">local · cases</th>").count - 1 == 2)
  }

  @Test("the region page inlines the fan chart and tabulates every horizon")
  func regionPage() throws {
    let files = try SiteFixtures.files(SiteFixtures.content())
    let page = try #require(files["region/al.html"])
    let chart = try #require(files["api/v1/charts/al.svg"])
    #expect(page.contains(chart.replacingOccurrences(of: "<style>\n" + SVGChart.fanRules + "</style>\n", with: "")))
    #expect(
      chart.contains("<style>") && !page.contains("<style>"), "the file carries the chart's styles, the page links them"
    )
    #expect(page.contains("<th scope=\"row\">3</th><td>2026-12-19</td>"))
    #expect(page.contains("href=\"../api/v1/charts/al.svg\""))
    #expect(page.contains("Outbreak probability"))
    #expect(page.contains("<dt>Run id</dt><dd>20261129T010000Z-0001</dd>"))
  }

  @Test("a daily region's observation table lists the last 28 days; a weekly one every recent week")
  func observationTable() throws {
    var content = SiteFixtures.content()
    content.forecasts[0].metrics[0] = SiteFixtures.dailyMetricForecast(.cases, level: 300)
    let files = try SiteFixtures.files(content)
    let daily = try MarkupDocument(bytes: Array(try #require(files["region/al.html"]).utf8), kind: .html, name: "al")
    let rows = daily.strings("//section[@id='metric-cases']//details//tbody/tr/th")
    let recent = content.forecasts[0].metrics[0].recent
    #expect(rows == recent.suffix(PageBuilder.observedTableDays).map(\.date.iso), "the last 28 of 35 days, in order")
    #expect(
      daily.strings("//section[@id='metric-cases']//details//caption").first?.hasSuffix(", the last 28 days") == true)
    let weekly = try MarkupDocument(bytes: Array(try #require(files["region/be.html"]).utf8), kind: .html, name: "be")
    let weeks = weekly.strings("//section[@id='metric-cases']//details//tbody/tr/th")
    #expect(weeks == content.forecasts[1].metrics[0].recent.map(\.date.iso))
    #expect(weekly.strings("//section[@id='metric-cases']//details//caption").first?.contains("the last") == false)
  }

  @Test("a region without a known population says so, and that its level is relative")
  func unknownPopulation() throws {
    var content = SiteFixtures.content()
    content.forecasts[1].population = nil
    content.forecasts[1].incidencePer100k = nil
    let files = try SiteFixtures.files(content)
    let page = try #require(files["region/be.html"])
    #expect(page.contains("<dt>Population</dt><dd>not known: no per-100k values, and the risk level measures"))
    #expect(!page.contains("Incidence per 100k"))
    let known = try #require(files["region/al.html"])
    #expect(known.contains("<dt>Population</dt><dd>1,250,000</dd>"))
  }

  @Test("the evaluation page shows a note without scores and a table with them")
  func evaluation() throws {
    let empty = try #require(try SiteFixtures.files(SiteFixtures.content())["evaluation.html"])
    #expect(empty.contains("No scored forecasts yet"))
    let rows = [
      EvaluationRow(
        model: "local", horizon: 1, count: 12, meanWIS: 10.256, coverage50: 0.5, coverage95: 0.9167, relativeWIS: 0.81)
    ]
    let page = try #require(try SiteFixtures.files(SiteFixtures.content(evaluation: rows))["evaluation.html"])
    #expect(
      page.contains(
        "<td class=\"num\">10.26</td><td class=\"num\">50.0%</td><td class=\"num\">91.7%</td><td class=\"num\">0.81</td>"
      ))
    #expect(!page.contains("No scored forecasts yet"))
  }

  @Test("sitemap, robots and feed use the base URL when set; without it, no sitemap and root-relative links")
  func discovery() throws {
    let absolute = try SiteFixtures.files(SiteFixtures.content(baseURL: "https://example.org/flu"))
    #expect(try #require(absolute["robots.txt"]).contains("Sitemap: https://example.org/flu/sitemap.xml"))
    #expect(try #require(absolute["sitemap.xml"]).contains("<loc>https://example.org/flu/region/al.html</loc>"))
    let relative = try SiteFixtures.files(SiteFixtures.content())
    #expect(!(try #require(relative["robots.txt"]).contains("Sitemap:")))
    #expect(relative["sitemap.xml"] == nil, "the sitemap protocol allows absolute URLs only")
    #expect(
      try #require(absolute["sitemap.xml"]).contains(
        "<loc>https://example.org/flu/index.html</loc><lastmod>2026-11-29</lastmod>"))
    let feed = try #require(relative["feed.xml"])
    #expect(feed.components(separatedBy: "<entry>").count - 1 == 2)
    #expect(feed.contains("<id>urn:neuralbrain:run:20261128t010000z-0001</id>"))
    #expect(feed.contains("href=\"archive/2026-11-28/SHA256SUMS\""), "each entry links its day's snapshot")
    let absoluteFeed = try #require(absolute["feed.xml"])
    #expect(absoluteFeed.contains("href=\"https://example.org/flu/archive/"))
  }

  @Test("every HTML, SVG and XML file is well-formed XML")
  func wellFormed() throws {
    #expect(!XMLCheck.errors(in: "<p><b>unclosed</p>").isEmpty, "the checker must reject malformed markup")
    let files = try SiteFixtures.files(
      SiteFixtures.content(
        regionName: "<b>Bad & \"worse\"</b>", previous: ["al": .green], baseURL: "https://example.org/"))
    for (path, text) in files where [".html", ".svg", ".xml"].contains(where: { path.hasSuffix($0) }) {
      #expect(XMLCheck.errors(in: text) == [], "\(path) is not well-formed")
    }
  }

  @Test("an unreadable templates folder is named")
  func missingDirectory() throws {
    let url = URL(fileURLWithPath: "/nonexistent/neuralbrain-templates")
    do {
      _ = try TemplateLocator(fileSystem: LocalFileSystem()).renderer(url)
      Issue.record("expected an error")
    } catch let RenderError.templatesDirectoryUnreadable(path, _) {
      #expect(path == url.path)
    }
  }

  @Test("a missing template is named")
  func missingTemplate() throws {
    let directory = try TemporaryTemplates(removing: "region.mustache")
    defer { directory.remove() }
    #expect(throws: RenderError.missingTemplate(name: "region", directory: directory.url.path)) {
      try TemplateLocator(fileSystem: LocalFileSystem()).renderer(directory.url)
    }
  }

  @Test("an unparsable template is named with its line")
  func unparsableTemplate() throws {
    let directory = try TemporaryTemplates(removing: nil)
    defer { directory.remove() }
    try Data("<p>\n{{#rows}}\n<b>{{/cols}}</b>\n".utf8).write(
      to: directory.url.appendingPathComponent("about.mustache"))
    do {
      _ = try TemplateLocator(fileSystem: LocalFileSystem()).renderer(directory.url)
      Issue.record("expected an error")
    } catch let RenderError.unparsableTemplate(file, line, _, _) {
      #expect(file.hasSuffix("about.mustache"))
      #expect(line == 3)
    }
  }

  @Test("two regions with one slug are refused")
  func duplicateIDs() throws {
    var content = SiteFixtures.content()
    content.forecasts[1].regionID = "AL"
    #expect(throws: RenderError.duplicateRegionID("al")) { try SiteFixtures.renderer().render(content) }
  }
}

/// A copy of the project's templates in a temporary folder, optionally missing one file.
struct TemporaryTemplates {
  let url: URL

  init(removing name: String?) throws {
    let manager = FileManager.default
    url = manager.temporaryDirectory.appendingPathComponent("nb-templates-\(UUID().uuidString)")
    try manager.createDirectory(at: url, withIntermediateDirectories: true)
    // Files are copied one by one, so the project's templates folder is never touched.
    for file in try manager.contentsOfDirectory(atPath: SiteFixtures.templates.path) where file != name {
      let text = try Data(contentsOf: SiteFixtures.templates.appendingPathComponent(file))
      try text.write(to: url.appendingPathComponent(file))
    }
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}
