import Foundation

/// Starts child processes (the sendmail program) and waits for them.
public protocol ProcessLauncher: Sendable {
  /// Runs `executable` with `arguments`, `input` on its standard input; returns its exit status
  /// and what it wrote to standard error.
  func run(_ executable: String, arguments: [String], input: Data) async throws(ProcessLaunchError) -> ProcessOutcome
}

/// How a child process ended.
public struct ProcessOutcome: Sendable, Equatable {
  public var status: Int32
  public var standardError: String

  public init(status: Int32, standardError: String) {
    self.status = status
    self.standardError = standardError
  }
}

/// A child process that could not be started.
public struct ProcessLaunchError: Error, Sendable, Equatable {
  public var executable: String
  public var reason: String

  public init(executable: String, reason: String) {
    self.executable = executable
    self.reason = reason
  }
}
