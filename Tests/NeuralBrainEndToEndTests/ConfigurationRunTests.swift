import Foundation
import NeuralBrainTestSupport
import Testing

/// A configuration file with a wrong value stops the run before anything happens, with exit 78
/// and a message naming the file, the line and the key.
@Suite("configuration errors")
struct ConfigurationRunTests {
  @Test(
    "each bad value names file, line and key",
    arguments: [
      (
        "[run]\nseed = 1\nstale_after_days = -3\n",
        "neuralbrain.toml:3: `stale_after_days` in [run]: must be at least 1"
      ),
      (
        "[source]\nkind = \"demo\"\nregions = \"many\"\n",
        "neuralbrain.toml:3: `regions` in [source] must be an integer, found a string"
      ),
      (
        "[providers]\nfailover_threshold = 0\n",
        "neuralbrain.toml:2: `failover_threshold` in [providers]: must be at least 1"
      ),
    ])
  func badValue(text: String, message: String) async throws {
    let directory = try TemporaryDirectory()
    let config = directory.url.appendingPathComponent("neuralbrain.toml")
    try text.write(to: config, atomically: true, encoding: .utf8)
    let result = try await NeuralBrainExecutable.run(
      [
        "run", "--config", config.path, "--state-dir", directory.url.appendingPathComponent("state").path,
        "--output", directory.url.appendingPathComponent("output").path,
      ])
    #expect(result.status == 78, "stderr: \(result.standardError)")
    #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
  }
}
