import Foundation
import NeuralBrainTestSupport
import Testing

/// Dated archive snapshots and precompressed siblings, checked with the system's own
/// `sha256sum` and `gzip` on what `neuralbrain run` wrote.
@Suite("archive snapshots and .gz siblings")
struct ArchiveRunTests {
  /// Runs the demo at `now` into `directory` (state kept between calls).
  static func run(_ directory: TemporaryDirectory, now: String, _ extra: [String] = []) async throws {
    let result = try await NeuralBrainExecutable.run(
      [
        "run", "--output", directory.url.appendingPathComponent("output").path,
        "--state-dir", directory.url.appendingPathComponent("state").path, "--now", now, "--regions", "4",
      ] + extra)
    try #require(result.status == 0, "stderr: \(result.standardError)")
  }

  static func tool(_ name: String) -> URL? {
    ["/usr/bin/", "/bin/"].map { URL(fileURLWithPath: $0 + name) }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  static func snapshots(_ directory: TemporaryDirectory) throws -> [String] {
    let api = directory.url.appendingPathComponent("output/current/api/v1/archive.json")
    let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: api)) as? [String: Any])
    let entries = try #require(index["snapshots"] as? [[String: Any]])
    return entries.compactMap { $0["date"] as? String }
  }

  @Test("a run writes the day's snapshot of JSON, CSV and input with a SHA256SUMS that sha256sum accepts")
  func snapshot() async throws {
    let sha256sum = try #require(Self.tool("sha256sum"), "sha256sum is part of coreutils")
    let directory = try TemporaryDirectory()
    try await Self.run(directory, now: "2026-11-29T06:00:00Z")
    let day = directory.url.appendingPathComponent("output/current/archive/2026-11-29")
    let check = try await ChildProcess.run(sha256sum, ["--check", "--strict", "SHA256SUMS"], in: day)
    #expect(check.status == 0, "sha256sum: \(check.standardOutput) \(check.standardError)")
    let listed = check.standardOutput.split(separator: "\n").map { String($0.dropLast(": OK".count)) }
    #expect(listed.contains("api/v1/forecasts/hub.csv"))
    #expect(listed.contains("api/v1/forecasts/global.json"))
    #expect(listed.contains("input/observations.csv"))
    #expect(!listed.contains { $0.hasSuffix(".html") || $0.hasSuffix(".gz") })
    let input = try String(contentsOf: day.appendingPathComponent("input/observations.csv"), encoding: .utf8)
    #expect(input.hasPrefix("region_id,region_code,region_name,metric,frequency,date,value,as_of\n"))
    let attributes = try FileManager.default.attributesOfItem(atPath: day.appendingPathComponent("SHA256SUMS").path)
    #expect((attributes[.posixPermissions] as? Int) == 0o444)
    #expect(try Self.snapshots(directory) == ["2026-11-29"])
  }

  @Test("a later run the same day leaves the snapshot untouched; the next day adds one")
  func immutable() async throws {
    let directory = try TemporaryDirectory()
    try await Self.run(directory, now: "2026-11-29T06:00:00Z")
    let archive = directory.url.appendingPathComponent("output/archive")
    let before = try SiteTree.files(in: archive.appendingPathComponent("2026-11-29"))
    try await Self.run(directory, now: "2026-11-29T18:00:00Z", ["--seed", "7"])
    let after = try SiteTree.files(in: archive.appendingPathComponent("2026-11-29"))
    #expect(before == after)
    let live = try SiteTree.files(in: directory.url.appendingPathComponent("output/current"))
    #expect(live["api/v1/forecasts/hub.csv"] != before["api/v1/forecasts/hub.csv"], "the release itself moved on")
    try await Self.run(directory, now: "2026-11-30T06:00:00Z")
    #expect(try Self.snapshots(directory) == ["2026-11-30", "2026-11-29"])
    let days = try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { !$0.hasPrefix(".") }
    #expect(days.sorted() == ["2026-11-29", "2026-11-30"])
  }

  @Test("text files of 1 KB or more have a .gz sibling that gunzips to them, with the same mtime")
  func precompressed() async throws {
    let gzip = try #require(Self.tool("gzip"), "gzip is part of the base system")
    let directory = try TemporaryDirectory()
    try await Self.run(directory, now: "2026-11-29T06:00:00Z")
    let site = directory.url.appendingPathComponent("output/current")
    let files = try SiteTree.files(in: site)
    let textTypes: Set<String> = ["html", "css", "json", "csv", "svg", "xml", "txt"]
    var checked = 0
    for (path, data) in files where textTypes.contains((path as NSString).pathExtension) {
      let sibling = files[path + ".gz"]
      #expect((sibling != nil) == (data.count >= 1_024), "\(path): \(data.count) bytes")
      guard sibling != nil else { continue }
      let unzipped = try await ChildProcess.run(gzip, ["-dc", path + ".gz"], in: site)
      #expect(unzipped.status == 0 && Data(unzipped.standardOutput.utf8) == data, "\(path).gz")
      let manager = FileManager.default
      let original = try manager.attributesOfItem(atPath: site.appendingPathComponent(path).path)
      let compressed = try manager.attributesOfItem(atPath: site.appendingPathComponent(path + ".gz").path)
      #expect(original[.modificationDate] as? Date == compressed[.modificationDate] as? Date, "\(path) mtime")
      checked += 1
    }
    #expect(checked > 10)
    #expect(files.keys.allSatisfy { !$0.hasSuffix(".gz.gz") })
  }
}
