import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainMarkup
import NeuralBrainPublish
import NeuralBrainTestSupport
import Testing

@Suite("Atomic publishing")
struct ReleasePublisherTests {
  static func page(_ body: String) -> SiteFile {
    SiteFile(
      path: SitePath("index.html")!,
      text: "<!DOCTYPE html><html><head><title>t</title></head><body><main>\(body)</main></body></html>")
  }

  @Test("publishes a release and points current at it")
  func publishes() throws {
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, fileSystem: LocalFileSystem())
    try publisher.publish(
      [Self.page("one"), SiteFile(path: SitePath("a/b.json")!, text: "{}")], runID: "20240101t000000z")
    let index = try String(contentsOf: publisher.currentLink.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("one"))
    #expect(publisher.liveRunID() == "20240101t000000z")
    #expect(FileManager.default.fileExists(atPath: publisher.currentLink.appendingPathComponent("a/b.json").path))
  }

  @Test(
    "a malformed file refuses the release and leaves the previous one live",
    arguments: [
      ("chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>"),
      ("feed.xml", "<feed><entry></feed>"),
      ("data.json", "{\"a\": }"),
    ])
  func refuses(name: String, text: String) throws {
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, fileSystem: LocalFileSystem())
    try publisher.publish([Self.page("first")], runID: "20240101t000000z")
    #expect(throws: PublishError.self) {
      try publisher.publish(
        [Self.page("second"), SiteFile(path: SitePath(name)!, text: text)], runID: "20240102t000000z")
    }
    #expect(publisher.liveRunID() == "20240101t000000z")
    let index = try String(contentsOf: publisher.currentLink.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("first"))
    let releases = try FileManager.default.contentsOfDirectory(
      atPath: output.url.appendingPathComponent("releases").path)
    #expect(releases == ["20240101t000000z"])
  }

  @Test("HTML5 elements and inline SVG are accepted; unclosed markup is not")
  func html() throws {
    try ReleaseValidator.check(
      Self.page("<nav><a href=\"x\">x</a></nav><svg viewBox=\"0 0 1 1\"><title>t</title></svg>"))
    do {
      try ReleaseValidator.check(
        SiteFile(path: SitePath("bad.html")!, text: "<html><body><div class=\"x></body></html>"))
      Issue.record("expected the validator to reject an unterminated attribute")
    } catch {
      guard case .invalidFile(let markup) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(markup.file == "bad.html")
      #expect(markup.line >= 1)
    }
  }

  @Test("keeps only the newest releases")
  func prunes() throws {
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, keepReleases: 2, fileSystem: LocalFileSystem())
    for day in 1...4 { try publisher.publish([Self.page("\(day)")], runID: "2024010\(day)t000000z") }
    let releases = try FileManager.default.contentsOfDirectory(
      atPath: output.url.appendingPathComponent("releases").path
    ).sorted()
    #expect(releases == ["20240103t000000z", "20240104t000000z"])
  }
}

@Suite("libxml2 documents")
struct MarkupDocumentTests {
  @Test("XPath finds elements in HTML and namespaced SVG")
  func xpath() throws {
    let html = try MarkupDocument(
      bytes: Array("<html><body><table><tr><td>1</td></tr><tr><td>2</td></tr></table></body></html>".utf8), kind: .html,
      name: "t.html")
    #expect(html.count("//td") == 2)
    #expect(html.strings("//td") == ["1", "2"])
    let svg = try MarkupDocument(
      bytes: Array("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>T &amp; U</title></svg>".utf8),
      kind: .xml, name: "c.svg")
    #expect(svg.strings("/svg:svg/svg:title") == ["T & U"])
  }

  static let documents: [(MarkupDocument.Kind, String)] = [
    (.html, "<!DOCTYPE html><html><body><main><svg viewBox=\"0 0 1 1\"><title>t</title></svg></main></body></html>"),
    (.html, "<html><body><div class=\"x></body></html>"),
    (.html, "<html><body><p>a &amp; b</p></body></html>"),
    (.html, "   "),
    (.html, ""),
    (.xml, "<svg xmlns=\"http://www.w3.org/2000/svg\"><g><text>a &lt; b</text></g></svg>"),
    (.xml, "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>"),
    (.xml, "<feed><entry></feed>"),
    (.xml, "<a:b><c/></a:b>"),
    (.xml, "<t>&nbsp;</t>"),
    (.xml, "<t x=\"1\" x=\"2\"/>"),
    (.xml, ""),
  ]

  @Test("the publisher's check without a tree accepts and refuses what a full parse does", arguments: documents)
  func checkAgreesWithParse(kind: MarkupDocument.Kind, text: String) {
    func outcome(_ body: () throws(MarkupError) -> Void) -> String {
      do {
        try body()
        return "ok"
      } catch {
        return "line \(error.line)"
      }
    }
    let bytes = Array(text.utf8)
    let parsed = outcome { () throws(MarkupError) in _ = try MarkupDocument(bytes: bytes, kind: kind, name: "d") }
    let checked = outcome { () throws(MarkupError) in try MarkupDocument.check(bytes: bytes, kind: kind, name: "d") }
    #expect(checked == parsed, "\(text)")
  }

  static let pages: [(String, String?)] = [
    // Polyglot XHTML, as the built-in templates write: passes on the XML parser.
    ("<!DOCTYPE html><html><body><p>a<br />b &amp; c</p></body></html>", nil),
    // HTML that is not XML: the HTML parser accepts it.
    ("<!DOCTYPE html><html><body><p>a<br>b &nbsp; c</p></body></html>", nil),
    // Broken for both: the HTML parser's error is the one reported.
    ("<!DOCTYPE html><html><body><div class=\"x></body></html>", "AttValue"),
    ("<!DOCTYPE html><html><body><p>a &nope b</p></body></html>", "htmlParseEntityRef"),
  ]

  @Test(
    "an HTML page passes as well-formed XML or as HTML; a refusal carries the HTML parser's error",
    arguments: pages)
  func htmlCheck(text: String, expected: String?) throws {
    do {
      try MarkupDocument.check(bytes: Array(text.utf8), kind: .html, name: "p.html")
      #expect(expected == nil, "\(text)")
    } catch {
      #expect(error.file == "p.html")
      #expect(error.message.contains(try #require(expected)), "\(error.message)")
    }
  }
}

/// A release links the files the live release already has, byte for byte (issue 14).
@Suite("publishing what changed")
struct IncrementalPublishTests {
  static func inode(_ url: URL) throws -> UInt64 {
    var status = stat()
    try #require(lstat(url.path, &status) == 0, "\(url.path)")
    return UInt64(status.st_ino)
  }

  static let big = String(repeating: "{\"value\": 1},\n", count: 200)

  @Test("an unchanged file and its .gz are hard links to the live release's; a changed one is new")
  func linksUnchanged() throws {
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, fileSystem: LocalFileSystem())
    let same = SiteFile(path: SitePath("api/same.json")!, text: "[" + Self.big + "1]")
    try publisher.publish([ReleasePublisherTests.page("one"), same], runID: "20240101t000000z")
    try publisher.publish([ReleasePublisherTests.page("two"), same], runID: "20240102t000000z")
    let first = publisher.releaseDirectory(runID: "20240101t000000z")
    let second = publisher.releaseDirectory(runID: "20240102t000000z")
    for path in ["api/same.json", "api/same.json.gz"] {
      #expect(
        try Self.inode(first.appendingPathComponent(path)) == Self.inode(second.appendingPathComponent(path)), "\(path)"
      )
    }
    #expect(
      try Self.inode(first.appendingPathComponent("index.html"))
        != Self.inode(second.appendingPathComponent("index.html")))
    let index = try String(contentsOf: second.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("two"))
  }

  @Test("a file the live release has without a .gz gets one when compression is turned on")
  func compressesLinkedFile() throws {
    let output = try TemporaryDirectory()
    let same = SiteFile(path: SitePath("api/same.json")!, text: "[" + Self.big + "1]")
    try ReleasePublisher(outputDirectory: output.url, precompress: false, fileSystem: LocalFileSystem())
      .publish([same], runID: "20240101t000000z")
    let publisher = ReleasePublisher(outputDirectory: output.url, fileSystem: LocalFileSystem())
    try publisher.publish([same], runID: "20240102t000000z")
    let release = publisher.releaseDirectory(runID: "20240102t000000z")
    let compressed = try Data(contentsOf: release.appendingPathComponent("api/same.json.gz"))
    #expect(compressed.starts(with: [0x1F, 0x8B]))
  }

  @Test("publishing a release again links every file and the archive, and switches current")
  func republishes() throws {
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, fileSystem: LocalFileSystem())
    let data = SiteFile(path: SitePath("api/data.json")!, text: "[" + Self.big + "1]")
    try publisher.publish(
      [ReleasePublisherTests.page("one"), data], runID: "20240101t000000z",
      archive: ArchiveSnapshot(date: Day(year: 2024, month: 1, day: 1)!, files: [StreamedFile(data)]))
    try publisher.republish("20240101t000000z", as: "20240101t010000z")
    #expect(publisher.liveRunID() == "20240101t010000z")
    let first = publisher.releaseDirectory(runID: "20240101t000000z")
    let second = publisher.releaseDirectory(runID: "20240101t010000z")
    for path in ["index.html", "api/data.json", "api/data.json.gz", "api/v1/archive.json"] {
      #expect(
        try Self.inode(first.appendingPathComponent(path)) == Self.inode(second.appendingPathComponent(path)), "\(path)"
      )
    }
    #expect(
      FileManager.default.fileExists(atPath: second.appendingPathComponent("archive/2024-01-01/SHA256SUMS").path))
    #expect(throws: PublishError.self) { try publisher.republish("20231231t000000z", as: "20240101t020000z") }
    #expect(publisher.liveRunID() == "20240101t010000z", "a failed republish leaves the live release")
  }

  @Test("a staged release takes batches and appended files, each appended file with a .gz sibling of its bytes")
  func stagedInBatches() async throws {
    let gzip = try #require(
      ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }.map {
        URL(fileURLWithPath: $0)
      }, "gzip is part of the base system")
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, fileSystem: LocalFileSystem())
    let day = Day(year: 2024, month: 1, day: 1)!
    let staging = try publisher.stage(runID: "20240101t000000z", archiveDay: day)
    let big = SitePath("api/big.csv")!
    let pieces = (0..<5).map { piece in Array(String(repeating: "\(piece),row\n", count: 400).utf8) }
    for (index, piece) in pieces.enumerated() {
      try staging.write(
        [ReleasePublisherTests.page("batch \(index)")].map {
          SiteFile(path: SitePath("batch\(index).html")!, contents: $0.contents)
        }, fromLiveRelease: [])
      try staging.append(piece, to: big)
    }
    try staging.append(Array("small".utf8), to: SitePath("api/small.csv")!)
    for (again, write) in [
      (
        "batch0.html",
        { try staging.write([SiteFile(path: SitePath("batch0.html")!, text: "again")], fromLiveRelease: []) }
      ),
      ("batch1.html", { try staging.append(Array("again".utf8), to: SitePath("batch1.html")!) }),
    ] as [(String, () throws -> Void)] {
      let error = #expect(throws: PublishError.self) { try write() }
      guard case .duplicatePath(again)? = error else {
        Issue.record("\(again) written twice: expected a duplicate path, got \(String(describing: error))")
        continue
      }
    }
    let release = try publisher.publish(staging, archive: ArchiveSnapshot(date: day))
    let written = try Data(contentsOf: release.appendingPathComponent("api/big.csv"))
    #expect(Array(written) == Array(pieces.joined()))
    let unzipped = try await ChildProcess.run(gzip, ["-dc", release.appendingPathComponent("api/big.csv.gz").path])
    #expect(unzipped.status == 0)
    #expect(Array(unzipped.standardOutput.utf8) == Array(pieces.joined()))
    #expect(!FileManager.default.fileExists(atPath: release.appendingPathComponent("api/small.csv.gz").path))
    let mode = try FileManager.default.attributesOfItem(atPath: release.appendingPathComponent("api/big.csv").path)[
      .posixPermissions]
    #expect(mode as? Int == 0o444)
    let manifest = try String(
      contentsOf: publisher.archiveDirectory.appendingPathComponent("2024-01-01/SHA256SUMS"), encoding: .utf8)
    #expect(manifest.contains(SHA256Hasher.hex(Array(pieces.joined())) + "  api/big.csv\n"))
    #expect(manifest.contains("  api/small.csv\n") && !manifest.contains("archive.json"))
  }

  @Test("a refused batch removes the staging folder and leaves the previous release live")
  func stagedFailure() throws {
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, fileSystem: LocalFileSystem())
    try publisher.publish([ReleasePublisherTests.page("first")], runID: "20240101t000000z")
    let staging = try publisher.stage(runID: "20240102t000000z")
    try staging.write([ReleasePublisherTests.page("second")], fromLiveRelease: [])
    try staging.append(Array("[1,".utf8), to: SitePath("api/all.json")!)
    #expect(throws: PublishError.self) {
      try staging.write([SiteFile(path: SitePath("bad.svg")!, text: "<svg><g></svg>")], fromLiveRelease: [])
    }
    staging.discard()
    #expect(!FileManager.default.fileExists(atPath: staging.directory.path))
    #expect(publisher.liveRunID() == "20240101t000000z")
    let index = try String(contentsOf: publisher.currentLink.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("first"))
  }
}
