import Foundation
import NeuralBrainStore
import NeuralBrainTestSupport
import Testing

/// `neuralbrain schedule` as a real process: a signal ends it cleanly, failures do not stop it,
/// and a replay runs every batch. Intervals and health checks on a moving clock are
/// `BatchSchedulerTests`; nothing here waits for an interval to pass.
@Suite("neuralbrain schedule", .timeLimit(.minutes(20)))
struct ScheduleTests {
  @Test(
    "publishes a batch at start, then waits for the next; a signal ends the wait at once and exits 0",
    arguments: [SIGTERM, SIGINT])
  func stopsOnSignal(signal: Int32) async throws {
    let directory = try TemporaryDirectory()
    let process = try RunningProcess(
      NeuralBrainExecutable.url,
      [
        "schedule", "--interval", "1d", "--health-interval", "0", "--regions", "3",
        "--output", directory.url.appendingPathComponent("output").path,
        "--state-dir", directory.url.appendingPathComponent("state").path,
      ],
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    #expect(await process.waitUntil { $0.contains("published 3 regions") }, "output: \(process.output)")
    process.send(signal)
    #expect(await process.exit() == 0, "output: \(process.output)")
    #expect(process.output.contains("schedule stopped"))
    #expect(Self.occurrences("published 3 regions", in: process.output) == 1)
  }

  static func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test("failing batches are logged and the schedule goes on to the next, on a replayed clock")
  func survivesFailures() async throws {
    let directory = try TemporaryDirectory()
    let missing = directory.url.appendingPathComponent("missing.csv").path
    let result = try await NeuralBrainExecutable.run([
      "schedule", "--from", "2025-01-01T00:00:00Z", "--until", "2025-01-01T03:00:00Z", "--interval", "1h",
      "--source", "csv", "--input", missing, "--state-dir", directory.url.appendingPathComponent("state").path,
      "--output", directory.url.appendingPathComponent("output").path,
    ])
    #expect(result.status == 0, "stderr: \(result.standardError)")
    #expect(Self.occurrences("batch failed", in: result.standardError) == 3)
    #expect(result.standardError.contains("missing.csv"), "the error names the input")
    #expect(result.standardError.contains("failed=3"))
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
