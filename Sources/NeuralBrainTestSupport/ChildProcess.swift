import Foundation
import NeuralBrainEnvironment

/// Runs a program as a separate process and collects its exit status and output.
///
/// Waiting never blocks a thread that Swift concurrency or Dispatch needs: the output goes to
/// temporary files and the exit arrives through `terminationHandler`, so loopback servers in the
/// same test keep answering the process.
public enum ChildProcess {
  /// What one invocation produced.
  public struct Result: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
  }

  /// Runs `executable arguments…` in `directory`; `environment` nil inherits the test's own.
  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil
  ) async throws -> Result {
    let scratch = try TemporaryDirectory()
    let outputURL = scratch.url.appendingPathComponent("stdout")
    let errorURL = scratch.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL)
    let error = try FileHandle(forWritingTo: errorURL)
    defer {
      try? output.close()
      try? error.close()
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = error
    let status = try await process.runUntilExit()
    return Result(
      status: status,
      standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }
}
