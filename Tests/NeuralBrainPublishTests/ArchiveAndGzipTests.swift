import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainPublish
import NeuralBrainTestSupport
import Testing

@Suite("Dated snapshots and precompression")
struct ArchiveAndGzipTests {
  static let day = Day(iso: "2026-11-29")!

  @Test("SHA256SUMS lines are '<hex>  <path>', sorted by path")
  func checksums() {
    let files = [
      SiteFile(path: SitePath("b/x.csv")!, text: "abc"),
      SiteFile(path: SitePath("a.json")!, text: ""),
    ]
    #expect(
      ArchiveSnapshot.checksums(
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, SHA256Hasher.hex($0.contents)) }))
          == """
          e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.json
          ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  b/x.csv

          """)
  }

  @Test("only JSON and CSV files are archived, not the list of snapshots")
  func dataFiles() {
    let paths = ["index.html", "api/v1/a.json", "api/v1/b.csv", "charts/c.svg", "feed.xml", "api/v1/archive.json"]
    #expect(
      paths.filter { ArchiveSnapshot.keeps(SitePath($0)!) } == ["api/v1/a.json", "api/v1/b.csv"])
  }

  @Test("gzip output is deterministic, carries no timestamp and only large text files get one")
  func gzip() {
    let text = String(repeating: "epidemic forecast ", count: 100)
    let compressed = Gzip.compress(Array(text.utf8))
    #expect(compressed == Gzip.compress(Array(text.utf8)))
    #expect(Array(compressed.prefix(3)) == [0x1f, 0x8b, 8])
    #expect(compressed[4..<8].allSatisfy { $0 == 0 }, "MTIME must be zero")
    #expect(compressed.count < text.utf8.count / 5)
    let siblings = [
      SiteFile(path: SitePath("big.html")!, text: text),
      SiteFile(path: SitePath("small.json")!, text: "{}"),
      SiteFile(path: SitePath("big.png")!, text: text),
    ].compactMap(Gzip.sibling(of:))
    #expect(siblings.map(\.path.description) == ["big.html.gz"])
  }

  @Test("publishing writes the snapshot once, links it from the release and lists it")
  func snapshotOnce() throws {
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, fileSystem: LocalFileSystem())
    let page = SiteFile(
      path: SitePath("index.html")!, text: "<!DOCTYPE html><html><head><title>t</title></head><body></body></html>")
    let data = SiteFile(path: SitePath("a.json")!, text: "{\"v\":1}")
    let first = ArchiveSnapshot(date: Self.day, files: [StreamedFile(data)])
    let release = try publisher.publish([page, data], runID: "20261129t060000z", archive: first)
    let manager = FileManager.default
    let inReleaseInode = try manager.attributesOfItem(atPath: release.appendingPathComponent("a.json").path)[
      .systemFileNumber]
    let inArchive = try manager.attributesOfItem(
      atPath: publisher.archiveDirectory.appendingPathComponent("2026-11-29/a.json").path)
    #expect(
      inArchive[.systemFileNumber] as? Int == inReleaseInode as? Int, "the snapshot hard-links the release's file")
    #expect(inArchive[.posixPermissions] as? Int == 0o444)
    let second = ArchiveSnapshot(
      date: Self.day, files: [StreamedFile(SiteFile(path: SitePath("a.json")!, text: "{\"v\":2}"))])
    try publisher.publish([page], runID: "20261129t180000z", archive: second)
    let archived = publisher.currentLink.appendingPathComponent("archive/2026-11-29/a.json")
    #expect(publisher.liveRunID() == "20261129t180000z")
    #expect(try String(contentsOf: archived, encoding: .utf8) == "{\"v\":1}")
    let index = try String(
      contentsOf: publisher.currentLink.appendingPathComponent("api/v1/archive.json"), encoding: .utf8)
    #expect(index.contains("\"date\":\"2026-11-29\"") && index.contains("\"path\":\"archive/2026-11-29/\""))
  }

  @Test("precompress off writes no .gz siblings")
  func noPrecompression() throws {
    let output = try TemporaryDirectory()
    let publisher = ReleasePublisher(outputDirectory: output.url, precompress: false, fileSystem: LocalFileSystem())
    let big = SiteFile(path: SitePath("big.json")!, text: "[" + String(repeating: "1,", count: 2_000) + "1]")
    let release = try publisher.publish([big], runID: "20261129t060000z")
    #expect(try FileManager.default.contentsOfDirectory(atPath: release.path) == ["big.json"])
  }
}
