import Foundation
import NeuralBrainTestSupport
import Testing

/// Published files name their sources, never the machine's paths: a reader of the site must not
/// learn where the operator keeps the input, the state or the output.
@Suite("no local paths in published files")
struct PublicPathTests {
  /// Every published file, the archive, the feed and the summary e-mail, with `.gz` siblings
  /// unpacked, searched for `needles`.
  static func leaks(in output: URL, of needles: [String]) throws -> [String] {
    var files = try SiteTree.files(in: output.appendingPathComponent("current"))
    for (path, data) in try SiteTree.files(in: output.appendingPathComponent("archive")) {
      files["archive/" + path] = data
    }
    for (path, data) in try SiteTree.files(in: output.appendingPathComponent("email")) { files["email/" + path] = data }
    return files.compactMap { path, data in
      guard !path.hasSuffix(".gz") else { return nil }
      let text = String(decoding: data, as: UTF8.self)
      return needles.first { text.contains($0) }.map { "\(path) contains \($0)" }
    }
  }

  @Test("a csv run from a private folder publishes the file name only")
  func csvInput() async throws {
    let directory = try TemporaryDirectory()
    let input = directory.url.appendingPathComponent("private-data/cases.csv")
    try FileManager.default.createDirectory(
      at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
    let rows = (0..<70).map { day in
      let date = Calendar(identifier: .gregorian).date(
        byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_735_689_600))!
      let iso = ISO8601DateFormatter.string(
        from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
      return "\(iso),Northshire,cases,\(100 + day % 7 * 10)"
    }
    try (["date,region,metric,value"] + rows).joined(separator: "\n").write(
      to: input, atomically: true, encoding: .utf8)
    let output = directory.url.appendingPathComponent("output")
    let result = try await NeuralBrainExecutable.run([
      "run", "--source", "csv", "--input", input.path, "--output", output.path,
      "--state-dir", directory.url.appendingPathComponent("state").path, "--now", "2025-03-15T06:00:00Z",
    ])
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let about = try String(contentsOf: output.appendingPathComponent("current/about.html"), encoding: .utf8)
    #expect(about.contains("cases.csv"))
    let needles = [
      directory.url.path, directory.url.resolvingSymlinksInPath().path, "private-data", PackagePaths.root.path,
    ]
    #expect(try Self.leaks(in: output, of: needles) == [])
  }

  @Test(
    "FluSight with its locations file publishes the file names only",
    .enabled(if: SharedData.isAvailable, "../shared/data is absent: skipping the FluSight run"))
  func hubInput() async throws {
    let directory = try TemporaryDirectory()
    let output = directory.url.appendingPathComponent("output")
    let locations = SharedData.root.appendingPathComponent(
      "flusight/FluSight-forecast-hub/auxiliary-data/locations.csv")
    let result = try await NeuralBrainExecutable.run([
      "run", "--source", "hub", "--input", SharedData.flusightTarget.path, "--input", locations.path,
      "--output", output.path, "--state-dir", directory.url.appendingPathComponent("state").path,
      "--now", "2026-07-01T06:00:00Z",
    ])
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let needles = [
      directory.url.path, SharedData.root.path, SharedData.root.resolvingSymlinksInPath().path, PackagePaths.root.path,
      "/shared/data",
    ]
    #expect(try Self.leaks(in: output, of: needles) == [])
  }
}
