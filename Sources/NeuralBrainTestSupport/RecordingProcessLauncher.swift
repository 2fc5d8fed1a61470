import Foundation
import NeuralBrainEnvironment
import Synchronization

/// A `ProcessLauncher` for tests of what is handed to a child process: it records each launch
/// and answers with the outcome it was given, or fails to start like a missing program.
public final class RecordingProcessLauncher: ProcessLauncher {
  /// One launch: the program, its arguments and what it got on standard input.
  public struct Launch: Sendable, Equatable {
    public var executable: String
    public var arguments: [String]
    public var input: Data
  }

  private let outcome: ProcessOutcome?
  private let recorded = Mutex<[Launch]>([])

  /// Every launch answers `outcome`; nil makes every launch fail to start.
  public init(answering outcome: ProcessOutcome?) { self.outcome = outcome }

  public var launches: [Launch] { recorded.withLock { $0 } }

  public func run(
    _ executable: String, arguments: [String], input: Data
  ) async throws(ProcessLaunchError) -> ProcessOutcome {
    recorded.withLock { $0.append(Launch(executable: executable, arguments: arguments, input: input)) }
    guard let outcome else { throw ProcessLaunchError(executable: executable, reason: "No such file or directory") }
    return outcome
  }
}
