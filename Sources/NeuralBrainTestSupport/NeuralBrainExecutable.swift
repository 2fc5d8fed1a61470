import Foundation

/// Runs the built `neuralbrain` executable as a separate process, as cron would.
///
/// The binary sits next to the test bundle in the build directory (`swift build --build-tests`
/// builds it), so this works for any scratch path.
public enum NeuralBrainExecutable {
  /// What one invocation produced.
  public struct Result: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
  }

  /// The executable's location.
  public static var url: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundle.appendingPathComponent("neuralbrain"),
      bundle.deletingLastPathComponent().appendingPathComponent("neuralbrain"),
      packageRoot.appendingPathComponent(".build/debug/neuralbrain"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
  }

  /// The repository root (for `templates/` and `../shared/data`).
  public static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Runs `neuralbrain arguments…` in `directory` with exactly `environment` (plus PATH).
  ///
  /// Waiting never blocks a thread that Swift concurrency or Dispatch needs: the output goes to
  /// temporary files and the exit arrives through `terminationHandler`, so loopback servers in
  /// the same test keep answering the process.
  public static func run(
    _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
  ) async throws -> Result {
    let scratch = try TemporaryDirectory()
    let outputURL = scratch.url.appendingPathComponent("stdout")
    let errorURL = scratch.url.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL)
    let error = try FileHandle(forWritingTo: errorURL)
    defer {
      try? output.close()
      try? error.close()
    }
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    var env = environment
    env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = error
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
      process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
      do {
        try process.run()
      } catch {
        process.terminationHandler = nil
        continuation.resume(throwing: error)
      }
    }
    return Result(
      status: status,
      standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }
}
