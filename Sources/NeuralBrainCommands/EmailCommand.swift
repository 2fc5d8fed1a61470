import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline

/// `neuralbrain email`: show or send the latest run's summary e-mail.
///
/// Runs only write the message; sending is a separate, explicit step (a daily cron line), so an
/// hourly schedule does not mail people every hour and a failed delivery never fails a run.
struct EmailCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "email",
    abstract: "Show the latest summary e-mail, or send it with --send.",
    discussion: """
      Every run writes <output>/email/<run-id>.eml and latest.eml. --send pipes latest.eml to \
      `sendmail -t -oi` (postfix, msmtp-mta, …), which reads the recipients from the To header \
      set by [email] to.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(name: .long, help: "Output directory the runs publish into (default: output).")
  var output: String?

  @Option(name: .long, help: "Sendmail-compatible program (default: [email] sendmail, else /usr/sbin/sendmail).")
  var sendmail: String?

  @Flag(name: .long, help: "Deliver latest.eml through sendmail instead of printing where it is.")
  var send = false

  func run() async throws {
    try await withWorkspace(global, output: output) { workspace in
      guard send else {
        print(try workspace.latestEmail().path)
        return
      }
      let sent = try await workspace.sendLatestEmail(program: sendmail)
      print("sent \(sent.message.path) with \(sent.program)")
    }
  }
}
