import Foundation
import NeuralBrainStore
import NeuralBrainTestSupport
import Testing

/// `neuralbrain status` after real runs: what an operator checks each morning.
@Suite("neuralbrain status")
struct StatusCommandTests {
  @Test("status --json names the live release, the lock, the runs, the snapshots and the latest e-mail")
  func report() async throws {
    let directory = try TemporaryDirectory()
    let common = [
      "--output", directory.url.appendingPathComponent("output").path,
      "--state-dir", directory.url.appendingPathComponent("state").path,
    ]
    for now in ["2026-11-28T06:00:00Z", "2026-11-29T06:00:00Z"] {
      let run = try await NeuralBrainExecutable.run(["run", "--regions", "2", "--now", now] + common)
      try #require(run.status == 0, "stderr: \(run.standardError)")
    }
    let status = try await NeuralBrainExecutable.run(["status", "--json"] + common)
    try #require(status.status == 0, "stderr: \(status.standardError)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any])
    #expect(report["live_release"] as? String == "20261129t060000z")
    #expect((report["lock"] as? [String: Any])?["provider"] as? String == "local")
    #expect((report["recent_runs"] as? [Any])?.count == 2)
    #expect(report["archive_snapshots"] as? [String] == ["2026-11-29", "2026-11-28"])
    #expect((report["latest_email"] as? String)?.hasSuffix("output/email/latest.eml") == true)

    let text = try await NeuralBrainExecutable.run(["status"] + common)
    #expect(text.standardOutput.contains("live release: 20261129t060000z"))
    #expect(text.standardOutput.contains("archive: 2 snapshots, newest 2026-11-29"))
    #expect(text.standardOutput.contains("note: no sitemap.xml"), "no base URL, no sitemap, and status says why")

    // Without --output, status reports where the last successful run published, not ./output.
    let followed = try await NeuralBrainExecutable.run(
      ["status", "--state-dir", directory.url.appendingPathComponent("state").path])
    #expect(followed.status == 0, "stderr: \(followed.standardError)")
    #expect(followed.standardOutput.contains("live release: 20261129t060000z ("))
    #expect(followed.standardOutput.contains("output/current)"))
  }

  @Test("a run whose process died shows as abandoned, and the next run records it so")
  func abandoned() async throws {
    let directory = try TemporaryDirectory()
    let state = directory.url.appendingPathComponent("state")
    let common = ["--output", directory.url.appendingPathComponent("output").path, "--state-dir", state.path]
    let first = try await NeuralBrainExecutable.run(
      ["run", "--regions", "2", "--now", "2026-11-28T06:00:00Z"] + common)
    try #require(first.status == 0, "stderr: \(first.standardError)")
    // What a kill -9 in the middle of a run leaves: a run row still saying running, no process.
    try NeuralBrainDatabase.open(directory: state)
      .startRun(RunRecord(id: "20261128t070000z", startedAt: Date(timeIntervalSince1970: 1_795_849_200), seed: 42))

    let status = try await NeuralBrainExecutable.run(["status", "--json"] + common)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any])
    let runs = try #require(report["recent_runs"] as? [[String: Any]])
    #expect(runs.first { $0["id"] as? String == "20261128t070000z" }?["status"] as? String == "abandoned")
    #expect(!runs.contains { $0["status"] as? String == "running" })

    let next = try await NeuralBrainExecutable.run(["run", "--regions", "2", "--now", "2026-11-29T06:00:00Z"] + common)
    try #require(next.status == 0, "stderr: \(next.standardError)")
    #expect(next.standardError.contains("marked abandoned"))
    let stored = try NeuralBrainDatabase.open(directory: state).runs()
    #expect(stored.first { $0.id == "20261128t070000z" }?.status == .abandoned)
    #expect(stored.filter { $0.status == .succeeded }.count == 2)
  }
}
