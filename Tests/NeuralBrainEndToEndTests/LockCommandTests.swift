import Foundation
import NeuralBrainTestSupport
import Testing

/// `neuralbrain lock` by hand, as an operator pins or frees a provider: every change is audited.
@Suite("neuralbrain lock")
struct LockCommandTests {
  @Test("acquire pins a provider, release frees it, both reach the audit trail; unknown names are refused")
  func manualLock() async throws {
    let directory = try TemporaryDirectory()
    let state = ["--state-dir", directory.url.appendingPathComponent("state").path]
    let acquired = try await NeuralBrainExecutable.run(
      ["lock", "acquire", "gemini", "--reason", "openai outage"] + state)
    #expect(acquired.status == 0, "stderr: \(acquired.standardError)")
    let shown = try await NeuralBrainExecutable.run(["lock", "show", "--json"] + state)
    let lock = try #require(try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any])
    #expect(lock["provider"] as? String == "gemini")

    let unknown = try await NeuralBrainExecutable.run(["lock", "acquire", "nosuchai"] + state)
    #expect(unknown.status == 64)
    #expect(unknown.standardError.contains("nosuchai") && unknown.standardError.contains("openai"))

    let released = try await NeuralBrainExecutable.run(["lock", "release", "--reason", "outage over"] + state)
    #expect(released.status == 0, "stderr: \(released.standardError)")
    let audit = try await NeuralBrainExecutable.run(["audit", "--json"] + state)
    #expect(audit.standardOutput.contains("openai outage") && audit.standardOutput.contains("outage over"))
  }
}
