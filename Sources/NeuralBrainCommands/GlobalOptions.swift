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

  /// Standard error as this invocation's log and progress display.
  func console() -> Console {
    let format = LineLogHandler.Format(rawValue: logFormat) ?? .logfmt
    return Console(format: format, level: verbose ? .debug : .info)
  }
}

extension AsyncParsableCommand {
  /// Runs `body` on the workspace `global` names (configuration, state directory, `output`) in
  /// the live environment, reporting failures as `reportingFailures` does; a configuration
  /// file that cannot be used fails with 78, naming what is wrong.
  func withWorkspace(
    _ global: GlobalOptions, output: String? = nil, _ body: @escaping (Workspace) async throws -> Void
  ) async throws {
    try await reportingFailures {
      try await Workspace.withLive(
        configuration: global.config, stateDirectory: global.stateDir, outputDirectory: output, body)
    }
  }

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
