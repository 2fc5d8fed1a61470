import Foundation
import NeuralBrainStore
import NeuralBrainTestSupport
import Testing

/// `neuralbrain schedule` as a real process: batches keep coming, failures do not stop it, and
/// SIGTERM ends it cleanly.
@Suite("neuralbrain schedule")
struct ScheduleTests {
  static func start(_ directory: TemporaryDirectory, health: String = "1s", _ extra: [String]) throws -> RunningProcess
  {
    try RunningProcess(
      NeuralBrainExecutable.url,
      [
        "schedule", "--interval", "1s", "--health-interval", health,
        "--output", directory.url.appendingPathComponent("output").path,
        "--state-dir", directory.url.appendingPathComponent("state").path,
      ] + extra,
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
  }

  static func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test("publishes a batch at start and again each interval, checks health, and stops on SIGTERM")
  func batches() async throws {
    let directory = try TemporaryDirectory()
    let process = try Self.start(directory, ["--regions", "3"])
    let twice = await process.waitUntil { Self.occurrences("published 3 regions", in: $0) >= 2 }
    #expect(twice, "output: \(process.output)")
    #expect(await process.waitUntil { $0.contains("health checked") }, "output: \(process.output)")
    process.send(SIGTERM)
    #expect(await process.exit() == 0, "output: \(process.output)")
    #expect(process.output.contains("schedule stopped"))
    let releases = try FileManager.default.contentsOfDirectory(
      atPath: directory.url.appendingPathComponent("output/releases").path)
    #expect(releases.filter { !$0.hasPrefix(".") }.count >= 2)
  }

  @Test("a failing batch is logged and retried; the process keeps running until SIGINT")
  func survivesFailures() async throws {
    let directory = try TemporaryDirectory()
    let missing = directory.url.appendingPathComponent("missing.csv").path
    let process = try Self.start(directory, health: "0", ["--source", "csv", "--input", missing])
    let failedTwice = await process.waitUntil { Self.occurrences("batch failed", in: $0) >= 2 }
    #expect(failedTwice, "output: \(process.output)")
    #expect(process.output.contains("missing.csv"), "the error names the input")
    process.send(SIGINT)
    #expect(await process.exit() == 0, "output: \(process.output)")
  }

  @Test("--now and a zero interval are refused as usage errors")
  func usage() async throws {
    for arguments in [
      ["schedule", "--now", "2026-11-29"], ["schedule", "--interval", "0"], ["schedule", "--interval", "soon"],
      ["schedule", "--from", "2025-01-01T00:00:00Z"], ["schedule", "--from", "2025-02-01", "--until", "2025-01-01"],
    ] {
      let result = try await NeuralBrainExecutable.run(arguments)
      #expect(result.status == 64, "\(arguments): \(result.standardError)")
    }
  }

  @Test("30 days of hourly batches through the scheduler on a simulated clock all publish")
  func thirtyDaysHourly() async throws {
    let directory = try TemporaryDirectory()
    let state = directory.url.appendingPathComponent("state")
    let output = directory.url.appendingPathComponent("output")
    let result = try await NeuralBrainExecutable.run([
      "schedule", "--from", "2025-01-01T00:00:00Z", "--until", "2025-01-31T00:00:00Z", "--interval", "1h",
      "--regions", "2", "--state-dir", state.path, "--output", output.path, "--log-format", "json",
    ])
    #expect(result.status == 0, "stderr tail: \(result.standardError.suffix(2000))")
    #expect(Self.occurrences("batch failed", in: result.standardError) == 0)
    #expect(result.standardError.contains(#""batches":"720""#) || result.standardError.contains("batches=720"))
    let runs = try NeuralBrainDatabase.open(directory: state).runs(limit: 1000)
    #expect(runs.count == 720)
    #expect(runs.allSatisfy { $0.status == .succeeded }, "\(runs.filter { $0.status != .succeeded }.map(\.id))")
    let snapshots = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("archive").path)
      .filter { !$0.hasPrefix(".") }
    #expect(snapshots.count == 30)
    let live = try FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent("current").path)
    #expect(live.hasSuffix("20250130t230000z"))
  }
}
