import Foundation

/// Runs the `neuralbrain` executable as a separate process, as cron would.
///
/// `scripts/test.sh` points `NEURALBRAIN_EXECUTABLE` at the shipped release binary
/// (`.build/release/neuralbrain`), so end-to-end tests exercise what users run. Without it, the
/// binary built beside the test bundle is used (same configuration as the tests).
public enum NeuralBrainExecutable {
  /// The executable's location.
  public static var url: URL {
    if let path = ProcessInfo.processInfo.environment["NEURALBRAIN_EXECUTABLE"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundle.appendingPathComponent("neuralbrain"),
      bundle.deletingLastPathComponent().appendingPathComponent("neuralbrain"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }

  /// Runs `neuralbrain arguments…` in `directory` with exactly `environment` (plus PATH).
  public static func run(
    _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
  ) async throws -> ChildProcess.Result {
    var env = environment
    env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return try await ChildProcess.run(url, arguments, environment: env, in: directory)
  }
}
