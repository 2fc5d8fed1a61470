import Foundation
import NeuralBrainEnvironment

/// Hands a message to a sendmail-compatible program (`program -t -oi`: recipients from the To
/// header), the way cron jobs have always sent mail.
struct SendmailDelivery: Sendable {
  var program: String
  var environment: RunEnvironment

  /// Pipes `message` to the program; fails with 69 when it cannot start and 75 when it refuses
  /// the message.
  func deliver(_ message: URL) async throws(WorkspaceError) {
    let bytes: Data
    do {
      bytes = try environment.fileSystem.contents(of: message)
    } catch {
      throw .unreadableMessage(path: message.path, reason: error.reason)
    }
    let outcome: ProcessOutcome
    do {
      outcome = try await environment.processes.run(program, arguments: ["-t", "-oi"], input: bytes)
    } catch {
      throw .sendmailUnavailable(program: program, reason: error.reason)
    }
    guard outcome.status == 0 else {
      throw .sendmailRefused(program: program, status: outcome.status, detail: outcome.standardError)
    }
  }
}
