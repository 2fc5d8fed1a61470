import AsyncHTTPClient
import Foundation
import NeuralBrainEnvironment

extension RunEnvironment {
  /// One HTTP client for every test (tests talk to loopback servers; it is never shut down).
  public static let testHTTPClient = HTTPClient(
    eventLoopGroupProvider: .singleton, configuration: ClientHTTPSession.configuration())

  /// A test environment: `clock`, real HTTP whose deadlines follow `deadlines` (default:
  /// `clock`), the disk confined to `directory` (plus read access to `readable`, the package's
  /// templates and fixtures, and the shared data), `processes`, seeded randomness and only the
  /// `variables` given.
  public static func test(
    clock: TestClock = TestClock(), deadlines: TestClock? = nil, directory: URL, readable: [URL] = [],
    processes: any ProcessLauncher = RecordingProcessLauncher(answering: ProcessOutcome(status: 0, standardError: "")),
    variables: [String: String] = [:]
  ) -> RunEnvironment {
    RunEnvironment(
      clock: clock, http: ClientHTTPSession(client: testHTTPClient, clock: deadlines ?? clock),
      fileSystem: SandboxedFileSystem(
        writable: [directory], readable: readable + [PackagePaths.root, PackagePaths.sharedData]),
      processes: processes, random: .seeded(7), variables: variables, workingDirectory: directory)
  }
}
