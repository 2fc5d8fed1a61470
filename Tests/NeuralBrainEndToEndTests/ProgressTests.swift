import Foundation
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainCommands

/// The terminal progress display: drawn on a real pseudo-terminal (`script` from util-linux),
/// never when standard error is a file.
@Suite("progress display")
struct ProgressTests {
  @Test("the status line names the step, its position and the elapsed time")
  func text() {
    #expect(
      TerminalProgress.text(index: 3, count: 6, name: "forecast", elapsed: 1.44, frame: 2) == "⠹ [3/6] forecast  1.4 s")
    #expect(
      TerminalProgress.text(index: 1, count: 6, name: "ingest", elapsed: 0.5, frame: 10) == "⠋ [1/6] ingest  0.5 s")
  }

  @Test("a run on a terminal shows a live status line from each step's start; redirected output has none")
  func terminal() async throws {
    let script = URL(fileURLWithPath: "/usr/bin/script")
    try #require(
      FileManager.default.isExecutableFile(atPath: script.path), "util-linux script is in every Debian base system")
    let directory = try TemporaryDirectory()
    let command = [
      NeuralBrainExecutable.url.path, "run", "--regions", "3",
      "--output", directory.url.appendingPathComponent("tty-output").path,
      "--state-dir", directory.url.appendingPathComponent("tty-state").path,
    ].joined(separator: " ")
    let onTerminal = try await ChildProcess.run(
      script, ["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "PATH": "/usr/bin:/bin"])
    #expect(onTerminal.status == 0, "\(onTerminal.standardOutput)")
    let statusLine = try Regex("\r\u{1B}\\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] \\[[1-8]/8\\] [a-z]+  [0-9]+\\.[0-9] s")
    #expect(onTerminal.standardOutput.contains(statusLine), "no status line on the terminal")
    #expect(onTerminal.standardOutput.contains("published 3 regions"))

    let redirected = try await NeuralBrainExecutable.run(
      [
        "run", "--regions", "3", "--output", directory.url.appendingPathComponent("file-output").path,
        "--state-dir", directory.url.appendingPathComponent("file-state").path,
      ])
    #expect(redirected.status == 0)
    #expect(!redirected.standardError.contains("\u{1B}["), "escape codes in a log file")
  }
}
