import Foundation

/// The live `ProcessLauncher`: Foundation's `Process`, standard output discarded.
public struct SystemProcessLauncher: ProcessLauncher {
  public init() {}

  public func run(
    _ executable: String, arguments: [String], input: Data
  ) async throws(ProcessLaunchError) -> ProcessOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let standardInput = Pipe()
    let errors = Pipe()
    process.standardInput = standardInput
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    let status: Int32
    do {
      status = try await process.runUntilExit {
        // The child reads while we write: input larger than a pipe's buffer cannot deadlock.
        DispatchQueue.global().async {
          try? standardInput.fileHandleForWriting.write(contentsOf: input)
          try? standardInput.fileHandleForWriting.close()
        }
      }
    } catch {
      throw ProcessLaunchError(executable: executable, reason: error.localizedDescription)
    }
    let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return ProcessOutcome(status: status, standardError: detail.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
