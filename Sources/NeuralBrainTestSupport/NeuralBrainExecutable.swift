import Foundation

/// Runs the built `neuralbrain` executable as a separate process, as cron would.
///
/// The binary sits next to the test bundle in the build directory (`swift build --build-tests`
/// builds it), so this works for any scratch path.
public enum NeuralBrainExecutable {
  /// The executable's location.
  public static var url: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundle.appendingPathComponent("neuralbrain"),
      bundle.deletingLastPathComponent().appendingPathComponent("neuralbrain"),
      PackagePaths.root.appendingPathComponent(".build/debug/neuralbrain"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
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
