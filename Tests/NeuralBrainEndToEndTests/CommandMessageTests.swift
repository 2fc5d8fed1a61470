import Foundation
import NeuralBrainTestSupport
import Testing

/// What the command line says when it is used wrongly: the flag named (not the configuration
/// key), the exit status docs/operations.md gives, and long inputs never echoed whole.
@Suite("command-line messages")
struct CommandMessageTests {
  @Test(
    "a flag mistake names the flag and exits 64, like a usage error",
    arguments: [
      (["--source", "hub"], "--input: the hub source reads a target-data file"),
      (["--source", "owid"], "--input: the owid source reads exactly one file; 0 given"),
      (
        ["--source", "csv", "--input", "a.csv", "--input", "b.csv"],
        "--input: the csv source reads exactly one file; 2 given"
      ),
      (["--source", "diseasesh", "--url", "ftp://example.org"], "--url: \"ftp://example.org\" is not an http(s) URL"),
    ])
  func flagMistake(arguments: [String], message: String) async throws {
    let directory = try TemporaryDirectory()
    let result = try await RealDataRunTests.run(arguments, in: directory)
    #expect(result.status == 64, "stderr: \(result.standardError)")
    #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
    #expect(!result.standardError.contains("[source]"), "the message names the flag, not the configuration key")
  }

  @Test("the same mistake in the configuration file names the key and exits 78")
  func configurationMistake() async throws {
    let directory = try TemporaryDirectory()
    let config = directory.url.appendingPathComponent("neuralbrain.toml")
    try Data("[source]\nkind = \"hub\"\n".utf8).write(to: config)
    let result = try await NeuralBrainExecutable.run(
      [
        "run", "--config", config.path, "--output", directory.url.appendingPathComponent("output").path,
        "--state-dir", directory.url.appendingPathComponent("state").path,
      ])
    #expect(result.status == 78, "stderr: \(result.standardError)")
    #expect(result.standardError.contains("[source] inputs:"))
  }

  @Test("a file with a thousand columns given to the wrong source is named, not echoed")
  func wideHeader() async throws {
    let directory = try TemporaryDirectory()
    let wide = directory.url.appendingPathComponent("wide.csv")
    let header = ["Province/State", "Country/Region", "Lat", "Long"] + (0..<1_143).map { "1/\($0 % 28 + 1)/20" }
    try Data((header.joined(separator: ",") + "\n,Xland,0,0" + String(repeating: ",1", count: 1_143) + "\n").utf8)
      .write(to: wide)
    let result = try await RealDataRunTests.run(["--source", "hub", "--input", wide.path], in: directory)
    #expect(result.status == 65, "stderr: \(result.standardError)")
    #expect(result.standardError.contains("1147 columns in all"))
    #expect(result.standardError.utf8.count < 2_000, "stderr is \(result.standardError.utf8.count) bytes")
  }

  @Test(
    "help keeps every line within 80 columns and states each default once", arguments: ["run", "backtest", "audit"])
  func help(command: String) async throws {
    let result = try await NeuralBrainExecutable.run(["help", command], environment: ["COLUMNS": "80"])
    #expect(result.status == 0)
    // ArgumentParser prints the one-line synopsis unwrapped; everything else is ours to wrap.
    for line in result.standardOutput.split(separator: "\n") where !line.hasPrefix("USAGE:") {
      #expect(line.count <= 80, "\(line)")
    }
    let text = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(
      text.range(of: #"\(default:? [^)]*\)\.? \(default"#, options: .regularExpression) == nil,
      "a default stated twice")
  }
}
