import Foundation
import NeuralBrainCore

/// A failed run: which step failed and why. The previous release stays live.
public struct PipelineError: Error, LocalizedError, ExitStatusProviding {
  public var step: String
  public var underlying: any Error

  public init(step: String, underlying: any Error) {
    self.step = step
    self.underlying = underlying
  }

  public var exitStatus: ExitStatus {
    (underlying as? any ExitStatusProviding)?.exitStatus ?? .ioError
  }

  public var errorDescription: String? {
    let reason = (underlying as? any LocalizedError)?.errorDescription ?? String(describing: underlying)
    return "step '\(step)' failed: \(reason)"
  }
}

/// Problems of the run itself rather than of one stage.
public enum RunError: Error, LocalizedError, ExitStatusProviding {
  /// Another run holds the state directory's lock.
  case alreadyRunning(lockFile: String)
  /// Another run (perhaps of another state directory) is publishing into the same output.
  case outputInUse(lockFile: String)
  /// The lock file cannot be created.
  case cannotLock(lockFile: String, reason: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .alreadyRunning, .outputInUse: .tempFailure
    case .cannotLock: .cantCreate
    }
  }

  public var errorDescription: String? {
    switch self {
    case .alreadyRunning(let file):
      "another neuralbrain run holds \(file); two runs never overlap. Try again when it has finished."
    case .outputInUse(let file):
      "another neuralbrain run holds \(file): it is publishing into this output (perhaps with another --state-dir). "
        + "Two runs never publish into one output; give each state directory its own --output."
    case let .cannotLock(file, reason):
      "cannot create the lock \(file): \(reason). Check that the directory is writable by this user."
    }
  }
}
