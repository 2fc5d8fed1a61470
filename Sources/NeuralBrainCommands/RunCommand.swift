import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline

/// `neuralbrain run`: one batch, for cron, systemd timers and Kubernetes CronJobs.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run one batch: ingest, forecast, normalize, render and publish.",
    discussion:
      "With no options it publishes the synthetic demo data set with the embedded `local` forecaster into ./output.")

  @OptionGroup var global: GlobalOptions
  @OptionGroup var flags: RunFlags

  func run() async throws {
    let console = global.console()
    try await withWorkspace(global, output: flags.output) { workspace in
      let summary = try await workspace.run(
        flags.overrides, now: flags.now.flatMap(ClockOption.parse), logger: console.logger,
        progress: console.progress())
      print(summary.line)
    }
  }
}

/// The options of one batch, shared by `run` and `schedule`.
struct RunFlags: ParsableArguments {
  @Option(name: .long, help: "Output directory; the live site is <output>/current (default: output).")
  var output: String?

  @Option(name: .long, help: "Data source: demo, csv, hub, jhu, owid or diseasesh (default: demo).")
  var source: String?

  @Option(name: .long, help: "Input file for file sources; repeat for several files (jhu: confirmed and deaths).")
  var input: [String] = []

  @Option(name: .long, help: "Base URL of the disease.sh API (default: https://disease.sh).")
  var url: String?

  @Option(name: .long, help: "Number of regions the demo source simulates (1...100000, default 20).")
  var regions: Int?

  @Option(name: .long, help: "Random seed for the demo data and Monte Carlo forecasts (default 42).")
  var seed: UInt64?

  @Option(name: .long, help: "Fix the run's clock (ISO-8601, e.g. 2026-11-29T06:00:00Z) for reproducible output.")
  var now: String?

  @Option(name: .long, help: "Steps ahead to forecast (default: 4 weeks for weekly data, 28 days for daily).")
  var steps: Int?

  @Option(name: .long, help: "Directory of the Mustache templates (default: ./templates, else the built-in ones).")
  var templates: String?

  @Option(name: .long, help: "Public base URL of the site, for absolute links in the sitemap and feed.")
  var baseURL: String?

  func validate() throws {
    if let problem = overrides.problem { throw ValidationError(problem) }
    if let now, ClockOption.parse(now) == nil {
      throw ValidationError("--now must be an ISO-8601 time like 2026-11-29T06:00:00Z or a date like 2026-11-29")
    }
  }

  /// What the flags say about the run (all but `--output` and `--now`).
  var overrides: RunOverrides {
    RunOverrides(
      source: source, inputs: input, url: url, regions: regions, seed: seed, steps: steps, templates: templates,
      baseURL: baseURL)
  }
}

/// Parses `--now`.
enum ClockOption {
  static func parse(_ text: String) -> Date? {
    let full = ISO8601DateFormatter()
    if let date = full.date(from: text) { return date }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = fractional.date(from: text) { return date }
    return Day(iso: text)?.startDate
  }
}
