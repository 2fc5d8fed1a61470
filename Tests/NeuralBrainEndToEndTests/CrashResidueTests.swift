import Foundation
import NeuralBrainStore
import NeuralBrainTestSupport
import Testing

/// What killed runs leave behind, two states sharing an output, read-only mounts: the next run
/// or command settles or refuses it clearly, and the live site never suffers.
@Suite("crash residue, shared outputs and read-only mounts")
struct CrashResidueTests {
  static func run(_ now: String, _ directory: TemporaryDirectory, state: String = "state") async throws
    -> ChildProcess.Result
  {
    try await NeuralBrainExecutable.run([
      "run", "--regions", "2", "--now", now, "--output", directory.url.appendingPathComponent("output").path,
      "--state-dir", directory.url.appendingPathComponent(state).path,
    ])
  }

  @Test("staging folders of a killed run are removed by the next run")
  func staleStaging() async throws {
    let directory = try TemporaryDirectory()
    try #require(try await Self.run("2026-11-28T06:00:00Z", directory).status == 0)
    let output = directory.url.appendingPathComponent("output")
    let leftovers = [
      output.appendingPathComponent("releases/.20261128t070000z.partial/api"),
      output.appendingPathComponent("archive/.2026-11-29.partial"),
    ]
    for folder in leftovers { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    try Data(repeating: 1, count: 1 << 20).write(to: leftovers[0].appendingPathComponent("big.json"))
    let next = try await Self.run("2026-11-29T06:00:00Z", directory)
    #expect(next.status == 0, "stderr: \(next.standardError)")
    for partial in ["releases/.20261128t070000z.partial", "archive/.2026-11-29.partial"] {
      #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(partial).path), "\(partial)")
    }
    #expect(next.standardError.contains("removed what a killed run left"))
  }

  @Test("a release that went live before its run was recorded is recorded by the next run, with its e-mail")
  func liveWithoutRecord() async throws {
    let directory = try TemporaryDirectory()
    try #require(try await Self.run("2026-11-28T06:00:00Z", directory).status == 0)
    // What a kill -9 between the switch of `current` and the end of the run leaves: the record
    // still running, the e-mail still staged.
    let state = directory.url.appendingPathComponent("state")
    let email = directory.url.appendingPathComponent("output/email")
    let database = try NeuralBrainDatabase.open(directory: state)
    var record = try #require(try database.run(id: "20261128t060000z"))
    record.status = .running
    try database.finishRun(record)
    let filed = email.appendingPathComponent("20261128t060000z.eml")
    try FileManager.default.moveItem(at: filed, to: email.appendingPathComponent(".20261128t060000z.eml.pending"))
    try FileManager.default.removeItem(at: email.appendingPathComponent("latest.eml"))

    let status = try await NeuralBrainExecutable.run([
      "status", "--json", "--state-dir", state.path, "--output", directory.url.appendingPathComponent("output").path,
    ])
    #expect(status.standardOutput.contains("\"status\" : \"succeeded\""))
    #expect(!status.standardOutput.contains("\"status\" : \"running\""))

    let next = try await Self.run("2026-11-29T06:00:00Z", directory)
    #expect(next.status == 0, "stderr: \(next.standardError)")
    let runs = try NeuralBrainDatabase.open(directory: state).runs()
    #expect(runs.first { $0.id == "20261128t060000z" }?.status == .succeeded)
    #expect(FileManager.default.fileExists(atPath: filed.path))
    let names = try FileManager.default.contentsOfDirectory(atPath: email.path)
    #expect(!names.contains { $0.hasSuffix(".pending") })
  }

  @Test("a second state publishing into the same output is refused with exit 75")
  func sharedOutput() async throws {
    let directory = try TemporaryDirectory()
    let output = directory.url.appendingPathComponent("output")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    // Another run (of another state directory) holds the output while this one starts.
    let descriptor = open(output.appendingPathComponent(".neuralbrain.lock").path, O_CREAT | O_RDWR, 0o644)
    try #require(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    defer { close(descriptor) }
    let refused = try await Self.run("2026-11-28T06:00:00Z", directory, state: "other-state")
    #expect(refused.status == 75, "stderr: \(refused.standardError)")
    #expect(refused.standardError.contains("publishing into this output"))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("current").path))
  }

  /// Runs `body` with `directory` bind-mounted read-only on `mountPoint`; skips (returns false)
  /// where mounting is not allowed.
  static func readOnly(_ directory: URL, at mountPoint: URL, _ body: () async throws -> Void) async throws -> Bool {
    try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
    let bind = try await ChildProcess.run(
      URL(fileURLWithPath: "/bin/mount"), ["--bind", directory.path, mountPoint.path])
    guard bind.status == 0 else { return false }
    let remount = try await ChildProcess.run(
      URL(fileURLWithPath: "/bin/mount"), ["-o", "remount,ro,bind", mountPoint.path])
    var failure: (any Error)?
    if remount.status == 0 {
      do { try await body() } catch { failure = error }
    }
    _ = try await ChildProcess.run(URL(fileURLWithPath: "/bin/umount"), [mountPoint.path])
    if let failure { throw failure }
    return remount.status == 0
  }

  @Test("status, audit and lock show read a state directory on a read-only mount")
  func readOnlyState() async throws {
    let directory = try TemporaryDirectory()
    try #require(try await Self.run("2026-11-28T06:00:00Z", directory).status == 0)
    let mounted = directory.url.appendingPathComponent("ro-state")
    let ran = try await Self.readOnly(directory.url.appendingPathComponent("state"), at: mounted) {
      for command in [["status"], ["audit", "--limit", "3"], ["lock", "show"]] {
        let result = try await NeuralBrainExecutable.run(command + ["--state-dir", mounted.path])
        #expect(result.status == 0, "\(command): \(result.standardError)")
      }
      let run = try await NeuralBrainExecutable.run([
        "run", "--state-dir", mounted.path, "--output", directory.url.appendingPathComponent("output").path,
      ])
      #expect(run.status == 73)
      #expect(run.standardError.contains("Read-only file system"))
    }
    if !ran { print("skipping the read-only mount test: mount --bind is not allowed here") }
  }

  @Test("a read-only output is a one-line error, not a Foundation dump")
  func readOnlyOutput() async throws {
    let directory = try TemporaryDirectory()
    try #require(try await Self.run("2026-11-28T06:00:00Z", directory).status == 0)
    let releases = directory.url.appendingPathComponent("output/releases")
    let ran = try await Self.readOnly(releases, at: releases) {
      let result = try await Self.run("2026-11-29T06:00:00Z", directory)
      #expect(result.status == 73, "stderr: \(result.standardError)")
      #expect(!result.standardError.contains("NSCocoaErrorDomain"))
      #expect(!result.standardError.contains("UserInfo"))
      let live = try FileManager.default.destinationOfSymbolicLink(
        atPath: directory.url.appendingPathComponent("output/current").path)
      #expect(live.hasSuffix("20261128t060000z"))
    }
    if !ran { print("skipping the read-only output test: mount --bind is not allowed here") }
  }
}
