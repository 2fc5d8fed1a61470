/// Process exit codes from sysexits(3), as batch schedulers expect them.
public enum ExitStatus: Int32, Sendable {
  case ok = 0
  case usage = 64
  case dataError = 65
  case unavailable = 69
  case cantCreate = 73
  case ioError = 74
  case tempFailure = 75
  case config = 78
}

/// An error that knows which exit status it should end the process with.
public protocol ExitStatusProviding: Error {
  var exitStatus: ExitStatus { get }
}
