import Foundation
import NeuralBrainCore

/// Why a use case of `Workspace` cannot be carried out, and what to do about it.
public enum WorkspaceError: Error, LocalizedError, ExitStatusProviding {
  /// A request whose options do not fit together (the message names the option).
  case invalidRequest(String)
  /// `lock acquire` named a provider that is not in `[providers] order`.
  case unknownProvider(String, order: [String])
  /// No run has written a summary e-mail into this output yet.
  case noEmailYet(directory: String)
  /// `email --send` without `[email] to`.
  case noRecipients(configuration: String)
  /// The message file cannot be read.
  case unreadableMessage(path: String, reason: String)
  /// The sendmail program cannot be started.
  case sendmailUnavailable(program: String, reason: String)
  /// The sendmail program refused the message.
  case sendmailRefused(program: String, status: Int32, detail: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .invalidRequest, .unknownProvider: .usage
    case .noEmailYet, .sendmailUnavailable: .unavailable
    case .noRecipients: .config
    case .unreadableMessage: .ioError
    case .sendmailRefused: .tempFailure
    }
  }

  public var errorDescription: String? {
    switch self {
    case .invalidRequest(let message):
      message
    case let .unknownProvider(name, order):
      "`\(name)` is not in [providers] order (\(order.joined(separator: ", ")))"
    case .noEmailYet(let directory):
      "no summary e-mail in \(directory) yet; run `neuralbrain run` first"
    case .noRecipients(let configuration):
      "no recipients: set `to = [\"…\"]` in the [email] section of \(configuration), then run again"
    case let .unreadableMessage(path, reason):
      "cannot read \(path): \(reason)"
    case let .sendmailUnavailable(program, reason):
      "cannot run \(program): \(reason); install a sendmail (postfix, msmtp-mta) or set [email] sendmail"
    case let .sendmailRefused(program, status, detail):
      "\(program) refused the message (exit \(status)): \(detail)"
    }
  }
}
