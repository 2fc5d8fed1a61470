import Foundation
import Logging
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainStore
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainPipeline

/// The use cases on a test environment: a clock nobody moves, the disk confined to the test's
/// directory, a process launcher that records. What a run and `email --send` do is decided by
/// the environment they are given, not by the machine.
@Suite("workspace use cases in a test environment")
struct WorkspaceTests {
  static let start = Date(timeIntervalSince1970: 1_796_000_000)

  /// A workspace in `directory` with `configuration` (TOML) written there, if any.
  static func workspace(
    _ directory: TemporaryDirectory, configuration: String? = nil,
    processes: any ProcessLauncher = RecordingProcessLauncher(
      answering: ProcessOutcome(status: 0, standardError: ""))
  ) throws -> Workspace {
    let environment = RunEnvironment.test(
      clock: TestClock(start: start), directory: directory.url, processes: processes)
    if let configuration {
      try configuration.write(
        to: directory.url.appendingPathComponent("neuralbrain.toml"), atomically: true, encoding: .utf8)
    }
    return try Workspace(
      configuration: nil, stateDirectory: directory.url.appendingPathComponent("state").path,
      outputDirectory: directory.url.appendingPathComponent("output").path, environment: environment)
  }

  @Test("a run touches files only below its directory and takes its times from the environment's clock")
  func runInSandbox() async throws {
    let directory = try TemporaryDirectory()
    let workspace = try Self.workspace(directory)
    let summary = try await workspace.run(
      RunOverrides(regions: 3), now: nil, logger: Logger(label: "test"), progress: nil)
    #expect(summary.regions == 3)
    #expect(summary.seconds == 0, "no time passes on a clock nobody moves")
    let status = try workspace.status()
    #expect(status.liveRelease == summary.runID)
    #expect(status.lastRun?.startedAt == Self.start)
    #expect(status.lastRun?.finishedAt == Self.start)
    let events = try workspace.auditEvents(limit: 10)
    #expect(!events.isEmpty)
    #expect(events.allSatisfy { $0.time == Self.start }, "\(events.map(\.time))")
  }

  @Test("a run whose output lies outside the sandbox fails before writing anything there")
  func sandboxRefuses() async throws {
    let directory = try TemporaryDirectory()
    let elsewhere = try TemporaryDirectory()
    let workspace = try Workspace(
      configuration: nil, stateDirectory: directory.url.appendingPathComponent("state").path,
      outputDirectory: elsewhere.url.appendingPathComponent("output").path,
      environment: .test(directory: directory.url))
    await #expect(throws: PipelineError.self) {
      try await workspace.run(RunOverrides(regions: 2), now: nil, logger: Logger(label: "test"), progress: nil)
    }
    #expect(!FileManager.default.fileExists(atPath: elsewhere.url.appendingPathComponent("output").path))
  }

  static let emailConfiguration = """
    [email]
    from = "Forecasts <forecasts@example.org>"
    to = ["desk@example.org"]
    sendmail = "/usr/sbin/sendmail"

    """

  @Test("email --send pipes latest.eml to the configured program with -t -oi")
  func sendsLatestEmail() async throws {
    let directory = try TemporaryDirectory()
    let launcher = RecordingProcessLauncher(answering: ProcessOutcome(status: 0, standardError: ""))
    let workspace = try Self.workspace(directory, configuration: Self.emailConfiguration, processes: launcher)
    _ = try await workspace.run(RunOverrides(regions: 2), now: nil, logger: Logger(label: "test"), progress: nil)
    let sent = try await workspace.sendLatestEmail(program: nil)
    #expect(sent.program == "/usr/sbin/sendmail")
    let launch = try #require(launcher.launches.first)
    #expect(launcher.launches.count == 1)
    #expect(launch.executable == "/usr/sbin/sendmail")
    #expect(launch.arguments == ["-t", "-oi"])
    #expect(launch.input == (try Data(contentsOf: sent.message)))
    #expect(String(decoding: launch.input, as: UTF8.self).contains("To: desk@example.org"))
  }

  @Test(
    "a sendmail that refuses or cannot start is an error naming the program, with the status docs promise",
    arguments: [
      (
        ProcessOutcome(status: 1, standardError: "no relay\n") as ProcessOutcome?,
        NeuralBrainCore.ExitStatus.tempFailure
      ),
      (nil, NeuralBrainCore.ExitStatus.unavailable),
    ] as [(ProcessOutcome?, NeuralBrainCore.ExitStatus)])
  func sendmailFailures(outcome: ProcessOutcome?, status: NeuralBrainCore.ExitStatus) async throws {
    let directory = try TemporaryDirectory()
    let workspace = try Self.workspace(
      directory, configuration: Self.emailConfiguration, processes: RecordingProcessLauncher(answering: outcome))
    _ = try await workspace.run(RunOverrides(regions: 2), now: nil, logger: Logger(label: "test"), progress: nil)
    let error = await #expect(throws: WorkspaceError.self) { try await workspace.sendLatestEmail(program: nil) }
    #expect(error?.exitStatus == status)
    #expect(error?.errorDescription?.contains("/usr/sbin/sendmail") == true)
  }
}
