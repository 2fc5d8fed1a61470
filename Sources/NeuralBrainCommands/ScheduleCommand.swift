import ArgumentParser
import Foundation
import Logging
import NeuralBrainPipeline
import ServiceLifecycle
import UnixSignals

/// `neuralbrain schedule`: the batch as a long-running service, for hosts without cron.
///
/// It runs one batch at start, then every `--interval`, and the provider health monitor every
/// `--health-interval`. A failed batch is logged and retried at the next interval, never the
/// end of the process; SIGTERM or SIGINT lets a running batch finish, then exits 0. Batches
/// never overlap: each takes the run lock, so a manual `run` meanwhile makes one batch wait
/// its turn at the next interval.
struct ScheduleCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Run a batch now and then every interval; probe provider health in between.",
    discussion: "Stops gracefully on SIGTERM or SIGINT. Takes every option of `run` except --now.")

  @OptionGroup var global: GlobalOptions
  @OptionGroup var flags: RunFlags

  @Option(name: .long, help: "Time between batches: seconds, or a number with s, m, h or d.")
  var interval = "1h"

  @Option(name: .long, help: "Time between provider health checks, same format; 0 turns them off.")
  var healthInterval = "5m"

  func validate() throws {
    guard flags.now == nil else { throw ValidationError("schedule runs on the real clock; drop --now") }
    guard (Self.seconds(interval) ?? 0) >= 1 else {
      throw ValidationError("--interval must be at least 1 second, e.g. 90s, 30m, 1h or 1d; got \(interval)")
    }
    guard Self.seconds(healthInterval) != nil else {
      throw ValidationError("--health-interval must be like 0, 90s, 5m or 1h; got \(healthInterval)")
    }
  }

  func run() async throws {
    try await reportingFailures {
      let file = try global.loadConfiguration()
      let logger = global.makeLogger()
      let scheduler = BatchScheduler(
        interval: .seconds(Self.seconds(interval) ?? 3_600),
        healthInterval: Self.seconds(healthInterval).flatMap { $0 > 0 ? .seconds($0) : nil },
        batch: { [flags, global] in
          var pipeline = RunPipeline(logger: logger)
          pipeline.progress = global.makeProgress()
          return try await pipeline.run(flags.resolveOptions(file, global: global)).line
        },
        healthCheck: { [global] in
          let monitor = HealthMonitor(
            providers: file.providers, environment: ProcessInfo.processInfo.environment,
            database: try global.openDatabase(file))
          return try await monitor.check().count
        },
        logger: logger)
      let group = ServiceGroup(
        services: [scheduler], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
      try await group.run()
    }
  }

  /// `90`, `90s`, `30m`, `1h`, `1d` in seconds; nil when unreadable or negative.
  static func seconds(_ text: String) -> Int? {
    let units: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
    if let value = Int(text) { return value >= 0 ? value : nil }
    guard let unit = text.last, let factor = units[unit], let value = Int(text.dropLast()), value >= 0 else {
      return nil
    }
    return value * factor
  }
}
