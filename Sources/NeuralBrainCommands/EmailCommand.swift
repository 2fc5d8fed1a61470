import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline
import NeuralBrainPublish

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
    try await reportingFailures {
      let file = try global.loadConfiguration()
      let outbox = EmailOutbox(
        directory: URL(fileURLWithPath: output ?? file.outputDirectory ?? "output").appendingPathComponent("email"))
      guard FileManager.default.fileExists(atPath: outbox.latest.path) else {
        throw CommandFailure(
          message: "no summary e-mail in \(outbox.directory.path) yet; run `neuralbrain run` first",
          status: .unavailable)
      }
      guard send else {
        print(outbox.latest.path)
        return
      }
      guard !file.email.to.isEmpty else {
        throw CommandFailure(
          message: "no recipients: set `to = [\"…\"]` in the [email] section of \(file.path), then run again",
          status: .config)
      }
      let program = sendmail ?? file.email.sendmail
      try await Self.deliver(outbox.latest, with: program)
      print("sent \(outbox.latest.path) with \(program)")
    }
  }

  /// Pipes `message` to `program -t -oi`; fails with 69 when it cannot start and 75 when it
  /// refuses the message.
  static func deliver(_ message: URL, with program: String) async throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = ["-t", "-oi"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      process.standardInput = try FileHandle(forReadingFrom: message)
    } catch {
      throw CommandFailure(message: "cannot read \(message.path): \(error.localizedDescription)", status: .ioError)
    }
    let status: Int32
    do {
      status = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do {
          try process.run()
        } catch {
          process.terminationHandler = nil
          continuation.resume(throwing: error)
        }
      }
    } catch {
      throw CommandFailure(
        message: "cannot run \(program): \(error.localizedDescription); install a sendmail (postfix, msmtp-mta) "
          + "or set [email] sendmail",
        status: .unavailable)
    }
    guard status == 0 else {
      let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      throw CommandFailure(
        message: "\(program) refused the message (exit \(status)): \(detail.trimmingCharacters(in: .whitespacesAndNewlines))",
        status: .tempFailure)
    }
  }
}
