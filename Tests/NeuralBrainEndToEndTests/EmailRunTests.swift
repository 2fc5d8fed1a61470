import Foundation
import NeuralBrainTestSupport
import Testing

/// The summary e-mail a run files, and `neuralbrain email --send` handing it to a sendmail:
/// here a real shell script that records its arguments and standard input.
@Suite("summary e-mail")
struct EmailRunTests {
  /// A directory with a configuration, a recording sendmail and a published demo run.
  static func published(to recipients: [String], sendmailExit: Int32 = 0) async throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    let sendmail = directory.url.appendingPathComponent("sendmail")
    let script = """
      #!/bin/sh
      here=$(dirname "$0")
      printf '%s\\n' "$@" > "$here/arguments"
      cat > "$here/received"
      [ \(sendmailExit) -eq 0 ] || echo "no relay for example.org" >&2
      exit \(sendmailExit)

      """
    try script.write(to: sendmail, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail.path)
    let to = recipients.map { "\"\($0)\"" }.joined(separator: ", ")
    let config = """
      [run]
      output_dir = "\(directory.url.appendingPathComponent("output").path)"
      state_dir = "\(directory.url.appendingPathComponent("state").path)"

      [email]
      from = "Forecasts <forecasts@example.org>"
      to = [\(to)]
      sendmail = "\(sendmail.path)"

      """
    try config.write(to: directory.url.appendingPathComponent("neuralbrain.toml"), atomically: true, encoding: .utf8)
    let run = try await Self.neuralbrain(directory, ["run", "--regions", "3", "--now", "2026-11-29T06:00:00Z"])
    try #require(run.status == 0, "stderr: \(run.standardError)")
    return directory
  }

  static func neuralbrain(_ directory: TemporaryDirectory, _ arguments: [String]) async throws -> ChildProcess.Result {
    try await NeuralBrainExecutable.run(
      arguments + ["--config", directory.url.appendingPathComponent("neuralbrain.toml").path])
  }

  @Test("a run files its e-mail beside the site; --send pipes latest.eml to sendmail -t -oi")
  func send() async throws {
    let directory = try await Self.published(to: ["analyst@example.org", "team@example.org"])
    let outbox = directory.url.appendingPathComponent("output/email")
    let latest = try Data(contentsOf: outbox.appendingPathComponent("latest.eml"))
    let dated = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0 != "latest.eml" }
    #expect(dated.count == 1 && dated.first?.hasSuffix(".eml") == true)
    #expect(try Data(contentsOf: outbox.appendingPathComponent(dated[0])) == latest)
    let text = String(decoding: latest, as: UTF8.self)
    #expect(text.contains("To: analyst@example.org, team@example.org\r\n"))
    #expect(text.contains("Content-Type: multipart/alternative;"))
    #expect(
      !FileManager.default.fileExists(
        atPath: directory.url.appendingPathComponent("output/current/email").path), "addresses are never served")

    let show = try await Self.neuralbrain(directory, ["email"])
    #expect(show.status == 0 && show.standardOutput.contains("latest.eml"))
    let sent = try await Self.neuralbrain(directory, ["email", "--send"])
    #expect(sent.status == 0, "stderr: \(sent.standardError)")
    #expect(try Data(contentsOf: directory.url.appendingPathComponent("received")) == latest)
    #expect(try String(contentsOf: directory.url.appendingPathComponent("arguments"), encoding: .utf8) == "-t\n-oi\n")
  }

  @Test("sending without recipients is a configuration error naming [email]")
  func noRecipients() async throws {
    let directory = try await Self.published(to: [])
    let latest = try String(
      contentsOf: directory.url.appendingPathComponent("output/email/latest.eml"), encoding: .utf8)
    #expect(latest.contains("To: forecasts@example.org\r\n"), "unconfigured mail goes back to the sender")
    let sent = try await Self.neuralbrain(directory, ["email", "--send"])
    #expect(sent.status == 78)
    #expect(sent.standardError.contains("[email]"))
    #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("received").path))
  }

  @Test("a sendmail that refuses exits 75 with its reason; a missing one exits 69")
  func deliveryFailures() async throws {
    let directory = try await Self.published(to: ["analyst@example.org"], sendmailExit: 75)
    let refused = try await Self.neuralbrain(directory, ["email", "--send"])
    #expect(refused.status == 75)
    #expect(refused.standardError.contains("no relay for example.org"))
    let missing = try await Self.neuralbrain(
      directory, ["email", "--send", "--sendmail", directory.url.appendingPathComponent("nowhere").path])
    #expect(missing.status == 69, "stderr: \(missing.standardError)")
  }
}
