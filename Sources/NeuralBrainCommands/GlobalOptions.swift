import ArgumentParser
import Foundation
import Logging
import NeuralBrainConfig
import NeuralBrainCore
import NeuralBrainPipeline
import NeuralBrainProviders
import NeuralBrainStore

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

  /// The configuration file, or an exit with status 78 naming what is wrong.
  func loadConfiguration() throws -> ConfigurationFile {
    do {
      return try ConfigurationFile.load(config)
    } catch {
      throw CommandFailure(error)
    }
  }

  func stateDirectory(_ file: ConfigurationFile) -> URL {
    URL(fileURLWithPath: stateDir ?? file.stateDirectory ?? "state")
  }

  /// The state database; `readOnly` for commands that never write (they work on a read-only
  /// mount, and without a state directory they read an empty one instead of creating it).
  func openDatabase(_ file: ConfigurationFile, readOnly: Bool = false) throws -> NeuralBrainDatabase {
    do {
      return readOnly
        ? try NeuralBrainDatabase.openForReading(directory: stateDirectory(file))
        : try NeuralBrainDatabase.open(directory: stateDirectory(file))
    } catch {
      throw CommandFailure(error)
    }
  }
}

/// Ends a command with an error message and the error's sysexits status.
struct CommandFailure: Error, CustomStringConvertible {
  let message: String
  let status: ExitStatus

  init(_ error: any Error) {
    message = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
    status = (error as? any ExitStatusProviding)?.exitStatus ?? .ioError
  }

  init(message: String, status: ExitStatus) {
    self.message = message
    self.status = status
  }

  var description: String { message }
}

extension AsyncParsableCommand {
  /// Runs `body`, printing a `CommandFailure` as `error: …` and exiting with its status.
  func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch let failure as CommandFailure {
      FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
      throw ExitCode(failure.status.rawValue)
    }
  }
}
