import Foundation
import NeuralBrainCore
import NeuralBrainMarkup
import NeuralBrainTestSupport
import Testing

/// A real headless browser loads the published pages from disk (no server).
enum Chromium {
  static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
  static var isAvailable: Bool { path != nil }

  /// Where the screenshots go: `$NEURALBRAIN_ARTIFACTS/screenshots`, or
  /// `.build-tests/artifacts/screenshots` in the repository (git-ignored).
  static let screenshots: URL = {
    let base =
      ProcessInfo.processInfo.environment["NEURALBRAIN_ARTIFACTS"].map { URL(fileURLWithPath: $0) }
      ?? PackagePaths.root.appendingPathComponent(".build-tests/artifacts")
    return base.appendingPathComponent("screenshots")
  }()

  static func options(width: Int, height: Int, dark: Bool) -> [String] {
    ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),\(height)"]
      + (dark ? ["--force-dark-mode"] : [])
  }

  /// The DOM Chromium built for `url` at a window `width` px wide, serialized and parsed.
  /// Without JavaScript it loads a copy of the page without its `<script>` elements (Chromium's
  /// switch that turns scripts off also stops `--dump-dom`).
  static func dom(_ url: URL, width: Int = 1280, javaScript: Bool = true) async throws -> MarkupDocument {
    let page = javaScript ? url : try withoutScripts(url)
    let output = try await ChildProcess.run(
      URL(fileURLWithPath: path ?? "/usr/bin/chromium"),
      options(width: width, height: 900, dark: false) + ["--dump-dom", page.absoluteString]
    ).standardOutput
    return try MarkupDocument(bytes: Array(output.utf8), kind: .html, name: url.lastPathComponent)
  }

  /// A copy of the page at `url`, beside it, with every `<script …></script>` element removed.
  static func withoutScripts(_ url: URL) throws -> URL {
    let page = try String(contentsOf: url, encoding: .utf8)
    let stripped = page.replacingOccurrences(
      of: "<script[^>]*>[\\s\\S]*?</script>", with: "", options: .regularExpression)
    let copy = url.deletingLastPathComponent().appendingPathComponent("noscript-" + url.lastPathComponent)
    try stripped.write(to: copy, atomically: true, encoding: .utf8)
    return copy
  }

  /// Headless Chromium lays a window out at least this wide, whatever `--window-size` says;
  /// narrower viewports are iframes of that width (`framed`).
  static let narrowestWindow = 500

  /// A screenshot of `url` at a viewport `width` px wide, kept as a test artifact; returns the
  /// PNG's size in bytes.
  static func screenshot(_ url: URL, named name: String, width: Int, dark: Bool) async throws -> Int {
    try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
    let file = screenshots.appendingPathComponent("\(name)-\(width)-\(dark ? "dark" : "light").png")
    try? FileManager.default.removeItem(at: file)
    let page = width < narrowestWindow ? try framed(url, width: width) : url
    _ = try await ChildProcess.run(
      URL(fileURLWithPath: path ?? "/usr/bin/chromium"),
      options(width: width, height: 2_400, dark: dark) + [
        "--virtual-time-budget=5000", "--screenshot=\(file.path)", page.absoluteString,
      ])
    return (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
  }

  /// A page beside `url` that shows it in an iframe `width` px wide, as a phone's viewport, and
  /// keeps the last message the framed page posts in its body's `data-result`.
  static func framed(_ url: URL, width: Int) throws -> URL {
    let copy = url.deletingLastPathComponent().appendingPathComponent("framed-\(width)-" + url.lastPathComponent)
    let page = """
      <!DOCTYPE html>
      <html><head><style>body { margin: 0; } iframe { border: 0; display: block; }</style></head>
      <body><iframe src="\(url.lastPathComponent)" width="\(width)" height="2400"></iframe>
      <script>window.addEventListener("message", function (event) {
      document.body.setAttribute("data-result", String(event.data)); });</script></body></html>
      """
    try page.write(to: copy, atomically: true, encoding: .utf8)
    return copy
  }

  /// What `script` (run in the page once loaded, in a viewport `width` px wide) passes to
  /// `report(text)`.
  static func measure(_ url: URL, width: Int, script: String) async throws -> String {
    let driven = try driven(url, script: "function report(text) { parent.postMessage(text, \"*\"); }\n" + script)
    let output = try await ChildProcess.run(
      URL(fileURLWithPath: path ?? "/usr/bin/chromium"),
      options(width: narrowestWindow, height: 900, dark: false) + [
        "--virtual-time-budget=5000", "--dump-dom", try framed(driven, width: width).absoluteString,
      ]
    ).standardOutput
    let document = try MarkupDocument(bytes: Array(output.utf8), kind: .html, name: url.lastPathComponent)
    return document.strings("//body/@data-result").first ?? ""
  }

  /// A copy of the page at `url` with `script` run once the page's own deferred scripts have:
  /// how a test clicks and types without a driver. The copy sits beside the page, so its
  /// relative links still resolve.
  static func driven(_ url: URL, script: String) throws -> URL {
    let page = try String(contentsOf: url, encoding: .utf8)
    let copy = url.deletingLastPathComponent().appendingPathComponent("driven-" + url.lastPathComponent)
    let hook = "<script>document.addEventListener(\"DOMContentLoaded\", function () {\n\(script)\n});</script>\n"
    try page.replacingOccurrences(of: "</body>", with: hook + "</body>").write(
      to: copy, atomically: true, encoding: .utf8)
    return copy
  }
}

/// Sites published by a sequence of five weekly runs, so that the last release has forecasts of
/// 1–4 weeks earlier to look back on: the demo, and the real FluSight and JHU files cut at each
/// week's end (cut copies in a temporary folder; the shared data are only read).
enum WeeklySites {
  enum Source: String, CaseIterable, CustomTestStringConvertible {
    case demo, flusight, jhu
    var testDescription: String { rawValue }
  }

  static func publish(_ source: Source) async throws -> (TemporaryDirectory, URL) {
    let directory = try TemporaryDirectory()
    for weeksBack in (0...4).reversed() {
      let arguments: [String]
      switch source {
      case .demo:
        // A week apart, the last on DemoRunTests.now (2026-11-29).
        let day = Day(iso: "2026-11-29")!.adding(days: -7 * weeksBack)
        arguments = ["--regions", "30", "--now", day.iso + "T06:00:00Z"]
      case .flusight:
        let cut = try cutHub(weeksBack: weeksBack, into: directory)
        arguments = ["--source", "hub", "--input", cut.file.path, "--now", cut.now]
      case .jhu:
        let cut = try cutJHU(weeksBack: weeksBack, into: directory)
        arguments = [
          "--source", "jhu", "--input", cut.confirmed.path, "--input", cut.deaths.path, "--input",
          SharedData.jhuLookup.path, "--now", cut.now,
        ]
      }
      let result = try await NeuralBrainExecutable.run(
        [
          "run", "--output", directory.url.appendingPathComponent("output").path,
          "--state-dir", directory.url.appendingPathComponent("state").path,
        ] + arguments)
      try #require(result.status == 0, "\(source) run \(weeksBack) weeks back: \(result.standardError)")
    }
    return (directory, directory.url.appendingPathComponent("output/current").resolvingSymlinksInPath())
  }

  /// The FluSight target data up to the Saturday `weeksBack` weeks before its last one.
  static func cutHub(weeksBack: Int, into directory: TemporaryDirectory) throws -> (file: URL, now: String) {
    let lines = try String(contentsOf: SharedData.flusightTarget, encoding: .utf8).split(whereSeparator: \.isNewline)
    let last = lines.dropFirst().map { String($0.prefix(10)) }.max() ?? ""
    let end = try #require(Day(iso: last)).adding(days: -7 * weeksBack)
    let kept = [lines[0]] + lines.dropFirst().filter { (Day(iso: $0.prefix(10)) ?? end) <= end }
    let file = directory.url.appendingPathComponent("target-\(weeksBack).csv")
    try kept.joined(separator: "\n").appending("\n").write(to: file, atomically: true, encoding: .utf8)
    return (file, end.adding(days: 4).iso + "T06:00:00Z")
  }

  /// The JHU confirmed and deaths files without their last `7 × weeksBack` days.
  static func cutJHU(weeksBack: Int, into directory: TemporaryDirectory) throws -> (
    confirmed: URL, deaths: URL, now: String
  ) {
    var files: [URL] = []
    for source in [SharedData.jhuConfirmed, SharedData.jhuDeaths] {
      let rows = try NaiveCSV.rows(source.path)
      let cut = rows.map { row in row.dropLast(7 * weeksBack).map(NaiveCSV.quoted).joined(separator: ",") }
      let file = directory.url.appendingPathComponent("\(weeksBack)-" + source.lastPathComponent)
      try cut.joined(separator: "\n").appending("\n").write(to: file, atomically: true, encoding: .utf8)
      files.append(file)
    }
    // The files end on 2023-03-09.
    let end = Day(iso: "2023-03-09")!.adding(days: -7 * weeksBack)
    return (files[0], files[1], end.adding(days: 1).iso + "T06:00:00Z")
  }
}

@Suite(
  "pages in a real browser",
  .enabled(if: Chromium.isAvailable, "chromium is not installed: skipping the browser checks"), .serialized)
struct BrowserTests {
  /// The overview's orders, as the sort links name them.
  static let orders = ["name", "risk", "incidence", "growth"]

  @Test(
    "the index sorts and filters with and without JavaScript, region pages look back, pages read at 390 px",
    arguments: WeeklySites.Source.allCases)
  func site(_ source: WeeklySites.Source) async throws {
    if source != .demo, !SharedData.isAvailable {
      print("../shared/data is absent: skipping the \(source) site in the browser")
      return
    }
    // The directory lives until the checks are done.
    let (directory, site) = try await WeeklySites.publish(source)
    defer { withExtendedLifetime(directory) {} }
    try await sortsAndFilters(site, source: source)
    let regionPath = try await looksBack(site)
    try await legible(site, regionPath: regionPath, source: source)
  }

  @Test(
    "with more regions than a ranking lists, its page says so and its sort links open the other orders; compare pages show the top"
  )
  func rankedTop() async throws {
    let directory = try TemporaryDirectory()
    let result = try await NeuralBrainExecutable.run([
      "run", "--regions", "520", "--now", "2026-11-29T06:00:00Z",
      "--output", directory.url.appendingPathComponent("output").path,
      "--state-dir", directory.url.appendingPathComponent("state").path,
    ])
    try #require(result.status == 0, "\(result.standardError)")
    let site = directory.url.appendingPathComponent("output/current").resolvingSymlinksInPath()
    let rowsPath = "//table[contains(@class, 'regions')]/tbody/tr"
    let risk = try await Chromium.dom(site.appendingPathComponent("index-risk.html"))
    #expect(risk.strings("\(rowsPath)/@data-rank-risk").compactMap { Int($0) } == Array(1...500))
    #expect(
      risk.strings("//p[contains(., 'in this order')]").first
        == "This page lists the first 500 of the 520 regions in this order. All regions are listed by name, and sort there in place."
    )
    let index = try await Chromium.dom(site.appendingPathComponent("index.html"))
    #expect(index.count(rowsPath) == 520)
    #expect(index.count("//p[contains(., 'in this order')]") == 0)
    // Whether the site script takes a sort link's click (sorting in place) or leaves it to open
    // the order's page.
    let click = """
      var link = document.querySelector("nav.sort a[data-order=name]");
      link.addEventListener("click", function (event) { report(String(event.defaultPrevented)); event.preventDefault(); });
      link.click();
      """
    #expect(
      try await Chromium.measure(site.appendingPathComponent("index-risk.html"), width: 1280, script: click) == "false")
    #expect(try await Chromium.measure(site.appendingPathComponent("index.html"), width: 1280, script: click) == "true")
    // The compare pages: five of a hundred small charts, the riskiest 500 of 520.
    let compare = try await Chromium.dom(site.appendingPathComponent("compare-5.html"))
    #expect(compare.count("//ul[@class='small-multiples']/li") == 100)
    #expect(compare.strings("//nav[@class='pages']//a").count == 5)
    #expect(
      compare.strings("//p[@class='lead']").first?.contains(
        "Regions 401–500 of 520. These pages show the 500 regions at highest risk; the overview lists every region.")
        == true)
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("compare-6.html").path))
  }

  /// Sorting without JavaScript (each order its own page) and with it (in place), and the filter.
  func sortsAndFilters(_ site: URL, source: WeeklySites.Source) async throws {
    for order in Self.orders {
      let file = order == "name" ? "index.html" : "index-\(order).html"
      let page = try await Chromium.dom(site.appendingPathComponent(file), javaScript: false)
      let ranks = page.strings("//table[contains(@class, 'regions')]/tbody/tr/@data-rank-\(order)").compactMap {
        Int($0)
      }
      #expect(ranks.count > 10 && ranks == Array(1...ranks.count), "\(source) \(file) is not in \(order) order")
      #expect(page.count("//p[@id='region-filter' and @hidden]") == 1, "the filter shows without JavaScript")
      if order == "risk" {
        let scores = page.strings("//table[contains(@class, 'regions')]/tbody/tr/td[1]/span[@class='muted']")
          .compactMap { Double($0.replacingOccurrences(of: "/100", with: "")) }
        #expect(scores.count == ranks.count && scores == scores.sorted(by: >), "\(source): risk scores not descending")
      }
    }
    let index = site.appendingPathComponent("index.html")
    let plain = try await Chromium.dom(index)
    let names = plain.strings("//table[contains(@class, 'regions')]/tbody/tr/th/a")
    let filters = plain.strings("//table[contains(@class, 'regions')]/tbody/tr/@data-filter")
    #expect(plain.count("//p[@id='region-filter' and not(@hidden)]") == 1, "the script shows the filter")
    // Type the first four letters of the last region's name, then sort by risk.
    let word = String(try #require(names.last).lowercased().prefix(4))
    let driven = try Chromium.driven(
      index,
      script: """
        var input = document.getElementById("region-filter-input");
        input.value = "\(word)";
        input.dispatchEvent(new Event("input"));
        document.querySelector("nav.sort a[data-order=risk]").click();
        """)
    let page = try await Chromium.dom(driven)
    let shown = page.strings("//table[contains(@class, 'regions')]/tbody/tr[not(@hidden)]/@data-filter")
    #expect(shown.count == filters.filter { $0.contains(word) }.count && !shown.isEmpty, "\(source): filter '\(word)'")
    #expect(shown.allSatisfy { $0.contains(word) })
    let ranks = page.strings("//table[contains(@class, 'regions')]/tbody/tr/@data-rank-risk").compactMap { Int($0) }
    #expect(ranks == Array(1...names.count), "\(source): sorting by risk in place")
    #expect(page.strings("//nav[contains(@class, 'sort')]//a[@aria-current='page']") == ["Risk"])
    #expect(page.strings("//span[@class='order-caption']").first == "sorted by risk score, highest first")
    #expect(page.strings("//output[@id='region-filter-count']").first == "\(shown.count) of \(names.count) regions")
  }

  /// The last release's region page sets the forecasts of 1–4 weeks earlier against what followed.
  func looksBack(_ site: URL) async throws -> String {
    let index = try await Chromium.dom(site.appendingPathComponent("index-risk.html"), javaScript: false)
    let first = try #require(index.strings("//table[contains(@class, 'regions')]/tbody/tr/th/a/@href").first)
    let page = try await Chromium.dom(site.appendingPathComponent(first))
    let labels = page.strings("//ul[contains(@class, 'look-back')]/li/figure/figcaption")
    #expect(
      labels.map { String($0.prefix(15)) } == [
        "1 week earlier:", "2 weeks earlier", "3 weeks earlier", "4 weeks earlier",
      ], "\(first): \(labels)")
    #expect(page.count("//ul[contains(@class, 'look-back')]//svg[@role='img']") == 4)
    #expect(page.count("//ul[contains(@class, 'look-back')]//*[local-name()='circle']") >= 4)
    #expect(page.strings("//ul[contains(@class, 'look-back')]//p").allSatisfy { $0.contains("observed target") })
    #expect(page.count("//div[@class='chart-log']//svg[@role='img']") >= 1)
    // Every source here knows its populations: the charts read per 100,000 too.
    #expect(page.count("//div[@class='chart-linear']//*[local-name()='g'][@class='nb-u-rate']") >= 1)
    #expect(page.count("//input[@class='unit-rate']") >= 1)
    return first
  }

  /// At 390 px chart text renders at 11 px or more, the page does not scroll sideways (tables
  /// scroll in their box, the region column stays); screenshots at 390 and 1280 px, light and dark.
  func legible(_ site: URL, regionPath: String, source: WeeklySites.Source) async throws {
    let script = """
      var smallest = 1000;
      document.querySelectorAll("svg.nb-chart text").forEach(function (text) {
        if (text.getClientRects().length === 0) return;
        var svg = text.ownerSVGElement;
        var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
      });
      var th = document.querySelector("table.data tbody th");
      report(JSON.stringify({
        viewport: window.innerWidth, page: document.documentElement.scrollWidth,
        smallest: smallest, rowHeader: th ? getComputedStyle(th).position : "none" }));
      """
    for path in ["index.html", regionPath] {
      let text = try await Chromium.measure(site.appendingPathComponent(path), width: 390, script: script)
      let result = try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(source) \(path): \(text)")
      #expect(result["viewport"] as? Int == 390, "\(source) \(path): \(text)")
      #expect((result["page"] as? Int ?? .max) <= 390, "\(source) \(path) scrolls sideways at 390 px: \(text)")
      #expect(result["rowHeader"] as? String == "sticky", "\(source) \(path): row header scrolls away")
      if path == regionPath {
        let smallest = result["smallest"] as? Double ?? 0
        #expect(smallest >= 11, "\(source) \(path): chart text renders at \(smallest) px")
      }
    }
    for (path, name) in [("index.html", "index"), (regionPath, "region"), ("compare.html", "compare")] {
      for width in [390, 1280] {
        for dark in [false, true] {
          let bytes = try await Chromium.screenshot(
            site.appendingPathComponent(path), named: "\(source)-\(name)", width: width, dark: dark)
          #expect(bytes > 10_000, "\(source) \(name) at \(width) px: screenshot of \(bytes) bytes")
        }
      }
    }
  }
}
