import Foundation
import NeuralBrainMarkup
import NeuralBrainTestSupport
import Testing

/// A real headless browser loads the published pages from disk (no server, no JavaScript needed).
enum Chromium {
  static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
  static var isAvailable: Bool { path != nil }

  /// The DOM Chromium built for `url`, serialized.
  static func dom(_ url: URL) async throws -> String {
    try await ChildProcess.run(
      URL(fileURLWithPath: path ?? "/usr/bin/chromium"),
      ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url.absoluteString]
    ).standardOutput
  }
}

@Suite(
  "pages in a real browser",
  .enabled(if: Chromium.isAvailable, "chromium is not installed: skipping the browser checks"))
struct BrowserTests {
  @Test("Chromium renders the index table and a region page's chart and table without JavaScript")
  func pages() async throws {
    let (directory, result) = try await DemoRunTests.publish(["--regions", "5", "--steps", "7"])
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let site = DemoRunTests.site(directory).resolvingSymlinksInPath()
    let index = try MarkupDocument(
      bytes: Array(try await Chromium.dom(site.appendingPathComponent("index.html")).utf8), kind: .html, name: "index")
    let links = index.strings("//a[starts-with(@href, 'region/')]/@href")
    #expect(Set(links).count == 5)
    let first = try #require(links.first)
    let page = try MarkupDocument(
      bytes: Array(try await Chromium.dom(site.appendingPathComponent(first)).utf8), kind: .html, name: first)
    #expect(page.count("//svg[@role='img']") >= 1)
    #expect(page.count("//table//td") > 10)
    #expect(page.strings("//title").first?.isEmpty == false)
  }
}
