import ArgumentParser
import Foundation
import Logging
import NeuralBrainCore
import NeuralBrainPipeline

/// Options every command takes: where the configuration and state live, and how to log.
struct GlobalOptions: ParsableArguments {
  @Option(name: .long, help: "TOML configuration file (default: ./neuralbrain.toml when present).")
  var config: String?

  @Option(name: .long, help: "Directory of the state database and run lock (default: state).")
  var stateDir: String?

  @Option(name: .long, help: "Log line format on standard error: logfmt or json.")
  var logFormat: String = "logfmt"

  @Flag(name: .shortAndLong, help: "Log every step's timing (debug level).")
  var verbose = false

  func validate() throws {
    guard LineLogHandler.Format(rawValue: logFormat) != nil else {
      throw ValidationError("--log-format must be logfmt or json, not \(logFormat)")
    }
  }

  /// The terminal progress display, when standard error is a terminal and lines are logfmt.
  func makeProgress() -> (any PipelineProgress)? {
    StatusLine.shared.enabled && LineLogHandler.Format(rawValue: logFormat) == .logfmt ? TerminalProgress() : nil
  }

  func makeLogger() -> Logger {
    let format = LineLogHandler.Format(rawValue: logFormat) ?? .logfmt
    let level: Logger.Level = verbose ? .debug : .info
    return Logger(label: "neuralbrain") { label in LineLogHandler(label: label, format: format, level: level) }
  }

  /// The configuration, state and output directories this invocation works on; fails with 78
  /// naming what is wrong in the configuration file.
  func workspace(output: String? = nil) throws -> Workspace {
    try Workspace(configuration: config, stateDirectory: stateDir, outputDirectory: output)
  }
}

extension AsyncParsableCommand {
  /// Runs `body`; any error ends the command with `error: <message>` on standard error and the
  /// error's sysexits status (74 when it names none). The one place errors become exit codes.
  func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch let exit as ExitCode {
      throw exit
    } catch {
      let message = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
      let status = (error as? any ExitStatusProviding)?.exitStatus ?? .ioError
      FileHandle.standardError.write(Data("error: \(message)\n".utf8))
      throw ExitCode(status.rawValue)
    }
  }
}
