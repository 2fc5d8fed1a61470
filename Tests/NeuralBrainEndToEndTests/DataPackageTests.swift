import Foundation
import NeuralBrainTestSupport
import Testing

/// The machine outputs, checked with the data ecosystem's own tools rather than ours:
/// `frictionless validate` on `datapackage.json` (every resource, the CSV against its Table
/// Schema) and python `jsonschema` on every forecast document against the published JSON Schema.
///
/// scripts/test.sh makes the virtual environment (`NEURALBRAIN_PYTHON_VENV`); without it the
/// suite skips with a message.
@Suite(
  "published releases validate with frictionless and jsonschema",
  .enabled(
    if: ProcessInfo.processInfo.environment["NEURALBRAIN_PYTHON_VENV"] != nil,
    "NEURALBRAIN_PYTHON_VENV is unset (scripts/test.sh makes it): skipping the frictionless and jsonschema checks"))
struct DataPackageTests {
  static let venv = URL(fileURLWithPath: ProcessInfo.processInfo.environment["NEURALBRAIN_PYTHON_VENV"] ?? "/")
  static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/check_documents.py")

  static let runs: [(name: String, arguments: [String], needsSharedData: Bool)] = [
    ("demo, daily", ["--regions", "12"], false),
    ("demo with a base URL", ["--regions", "3", "--base-url", "https://example.org/flu"], false),
    ("FluSight, weekly", ["--source", "hub", "--input", SharedData.flusightTarget.path], true),
    (
      "JHU, daily",
      [
        "--source", "jhu", "--input", SharedData.jhuConfirmed.path, "--input", SharedData.jhuDeaths.path,
        "--input", SharedData.jhuLookup.path, "--now", "2023-03-10T06:00:00Z",
      ], true
    ),
  ]

  @Test("frictionless validate passes and every forecast document matches the JSON Schema", arguments: runs.indices)
  func validates(_ index: Int) async throws {
    let run = Self.runs[index]
    guard !run.needsSharedData || SharedData.isAvailable else {
      print("\(run.name): ../shared/data is absent, skipping")
      return
    }
    let directory = try TemporaryDirectory()
    let result = try await RealDataRunTests.run(run.arguments, in: directory)
    #expect(result.status == 0, "\(run.name): \(result.standardError)")
    let release = directory.url.appendingPathComponent("output/current").resolvingSymlinksInPath()

    let frictionless = try await ChildProcess.run(
      Self.venv.appendingPathComponent("bin/frictionless"), ["validate", "--json", "api/v1/datapackage.json"],
      in: release)
    #expect(frictionless.status == 0, "\(run.name): frictionless: \(frictionless.standardOutput.prefix(4000))")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(frictionless.standardOutput.utf8)) as? [String: Any])
    #expect(report["valid"] as? Bool == true)
    let tasks = report["tasks"] as? [[String: Any]] ?? []
    #expect(tasks.count == 6, "\(run.name): every resource of datapackage.json is validated")

    let schema = try await ChildProcess.run(
      Self.venv.appendingPathComponent("bin/python"), [Self.checker.path, release.path])
    #expect(schema.status == 0, "\(run.name): \(schema.standardOutput.prefix(4000)) \(schema.standardError)")
    #expect(schema.standardOutput.contains("documents valid"))
  }
}
