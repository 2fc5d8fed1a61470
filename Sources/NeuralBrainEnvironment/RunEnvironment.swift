import AsyncHTTPClient
import Foundation

/// Every side effect a run or a command may have — time, the network, files, child processes,
/// randomness and the process's environment variables — passed in rather than reached for.
///
/// Commands build the live value once (`withLive`); tests build one with a clock they move by
/// hand, loopback servers and a file system confined to a temporary directory, so no test
/// waits on real time and none writes outside its directory.
public struct RunEnvironment: Sendable {
  public var clock: any RunClock
  public var http: any HTTPSession
  public var fileSystem: any FileSystem
  public var processes: any ProcessLauncher
  public var random: RandomSource
  /// The process's environment variables (API keys are read from them, never logged).
  public var variables: [String: String]
  /// Where relative paths start (`./neuralbrain.toml`, `./templates`).
  public var workingDirectory: URL
  /// Which build of the program runs: a release is only reused by a run of the same build,
  /// since another build may render the same inputs differently.
  public var build: String

  public init(
    clock: any RunClock, http: any HTTPSession, fileSystem: any FileSystem, processes: any ProcessLauncher,
    random: RandomSource, variables: [String: String], workingDirectory: URL, build: String = "unidentified"
  ) {
    self.clock = clock
    self.http = http
    self.fileSystem = fileSystem
    self.processes = processes
    self.random = random
    self.variables = variables
    self.workingDirectory = workingDirectory
    self.build = build
  }

  /// The real world for the duration of `body`: the wall clock, an HTTP client (shut down
  /// afterwards), the local disk, child processes, system randomness and the process's
  /// environment variables.
  public static func withLive<T>(_ body: (RunEnvironment) async throws -> T) async throws -> T {
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: ClientHTTPSession.configuration())
    let clock = LiveClock()
    let environment = RunEnvironment(
      clock: clock, http: ClientHTTPSession(client: client, clock: clock), fileSystem: LocalFileSystem(),
      processes: SystemProcessLauncher(), random: .system, variables: ProcessInfo.processInfo.environment,
      workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), build: Self.executableBuild())
    do {
      let value = try await body(environment)
      try await client.shutdown()
      return value
    } catch {
      try? await client.shutdown()
      throw error
    }
  }

  /// The running executable's size and modification time (nanoseconds): a rebuilt binary
  /// differs, without reading its bytes.
  static func executableBuild() -> String {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 || stat(CommandLine.arguments[0], &status) == 0 else {
      return "unidentified"
    }
    let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
    return "\(status.st_size)-\(modified)"
  }

  /// This environment with `clock` as its time. HTTP deadlines stay on the clock the session
  /// was made with, so a replayed schedule still times requests out in real time.
  public func on(_ clock: any RunClock) -> RunEnvironment {
    var copy = self
    copy.clock = clock
    return copy
  }
}
