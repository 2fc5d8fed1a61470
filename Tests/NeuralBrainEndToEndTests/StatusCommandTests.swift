import Foundation
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
    let report = try #require(try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any])
    #expect(report["live_release"] as? String == "20261129t060000z")
    #expect((report["lock"] as? [String: Any])?["provider"] as? String == "local")
    #expect((report["recent_runs"] as? [Any])?.count == 2)
    #expect(report["archive_snapshots"] as? [String] == ["2026-11-29", "2026-11-28"])
    #expect((report["latest_email"] as? String)?.hasSuffix("output/email/latest.eml") == true)

    let text = try await NeuralBrainExecutable.run(["status"] + common)
    #expect(text.standardOutput.contains("live release: 20261129t060000z"))
    #expect(text.standardOutput.contains("archive: 2 snapshots, newest 2026-11-29"))
  }
}
