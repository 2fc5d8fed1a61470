import ArgumentParser
import Foundation
import Logging
import NeuralBrainPipeline

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
    discussion: """
      Stops gracefully on SIGTERM or SIGINT. Takes every option of `run` except --now. With --from and \
      --until it replays that stretch of time on a simulated clock instead: every batch the schedule \
      would have run, each with --now at its time, without waiting and without health checks.
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var flags: RunFlags

  @Option(name: .long, help: "Time between batches: seconds, or a number with s, m, h or d.")
  var interval = "1h"

  @Option(name: .long, help: "Time between provider health checks, same format; 0 turns them off.")
  var healthInterval = "5m"

  @Option(name: .long, help: "Replay from this time (ISO-8601) on a simulated clock; needs --until.")
  var from: String?

  @Option(name: .long, help: "End of a replay (exclusive, ISO-8601); needs --from.")
  var until: String?

  func validate() throws {
    guard flags.now == nil else { throw ValidationError("schedule runs on the real clock; drop --now") }
    guard (Self.seconds(interval) ?? 0) >= 1 else {
      throw ValidationError("--interval must be at least 1 second, e.g. 90s, 30m, 1h or 1d; got \(interval)")
    }
    guard Self.seconds(healthInterval) != nil else {
      throw ValidationError("--health-interval must be like 0, 90s, 5m or 1h; got \(healthInterval)")
    }
    guard (from == nil) == (until == nil) else { throw ValidationError("--from and --until go together") }
    if let from, let until {
      guard let start = ClockOption.parse(from), let end = ClockOption.parse(until) else {
        throw ValidationError("--from and --until must be ISO-8601 times like 2026-11-29T06:00:00Z")
      }
      guard start < end, end.timeIntervalSince(start) <= 366 * 86_400 else {
        throw ValidationError("--until must be after --from, by at most a year")
      }
    }
  }

  /// The stretch of time a replay covers; nil on the wall clock.
  var replay: Range<Date>? {
    guard let from, let until, let start = ClockOption.parse(from), let end = ClockOption.parse(until) else {
      return nil
    }
    return start..<end
  }

  func run() async throws {
    let console = global.console()
    try await withWorkspace(global, output: flags.output) { workspace in
      let schedule = ScheduledBatches(
        workspace: workspace, overrides: flags.overrides, interval: TimeInterval(Self.seconds(interval) ?? 3_600),
        healthInterval: Self.seconds(healthInterval).flatMap { $0 > 0 ? TimeInterval($0) : nil }, replay: replay,
        logger: console.logger, progress: { console.progress() })
      try await schedule.run()
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
