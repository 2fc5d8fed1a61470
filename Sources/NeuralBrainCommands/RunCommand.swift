import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainIngest
import NeuralBrainPipeline

/// `neuralbrain run`: one batch, for cron, systemd timers and Kubernetes CronJobs.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run one batch: ingest, forecast, normalize, render and publish.",
    discussion: "With no options it publishes the synthetic demo data set with the embedded `local` forecaster into ./output.")

  @OptionGroup var global: GlobalOptions
  @OptionGroup var flags: RunFlags

  func run() async throws {
    try await reportingFailures {
      let options = flags.resolveOptions(try global.loadConfiguration(), global: global)
      var pipeline = RunPipeline(logger: global.makeLogger())
      pipeline.progress = global.makeProgress()
      do {
        let summary = try await pipeline.run(options)
        print(summary.line)
      } catch {
        throw CommandFailure(error)
      }
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
    if let regions, !(1...DemoSource.maximumRegions).contains(regions) {
      throw ValidationError("--regions must be between 1 and \(DemoSource.maximumRegions)")
    }
    if let steps, !(1...60).contains(steps) { throw ValidationError("--steps must be between 1 and 60") }
    if let now, ClockOption.parse(now) == nil {
      throw ValidationError("--now must be an ISO-8601 time like 2026-11-29T06:00:00Z or a date like 2026-11-29")
    }
    if let source, SourceKind(rawValue: source) == nil {
      throw ValidationError("--source must be one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  /// Defaults, then the configuration file, then flags.
  func resolveOptions(_ file: ConfigurationFile, global: GlobalOptions) -> RunOptions {
    var sourceOptions = file.source ?? SourceOptions(kind: .demo)
    if let source, let kind = SourceKind(rawValue: source), kind != sourceOptions.kind {
      sourceOptions = SourceOptions(kind: kind)
    }
    if !input.isEmpty { sourceOptions.inputs = input }
    if let url { sourceOptions.url = url }
    if let regions { sourceOptions.regions = regions }
    let chosenSeed = seed ?? file.seed ?? 42
    if sourceOptions.seed == nil || seed != nil { sourceOptions.seed = chosenSeed }
    return RunOptions(
      outputDirectory: URL(fileURLWithPath: output ?? file.outputDirectory ?? "output"),
      stateDirectory: global.stateDirectory(file),
      templatesDirectory: (templates ?? file.templatesDirectory).map { URL(fileURLWithPath: $0) }
        ?? TemplateLocator.defaultDirectory(),
      source: sourceOptions, seed: chosenSeed,
      now: now.flatMap(ClockOption.parse) ?? Date(),
      steps: steps ?? file.steps, providers: file.providers,
      keepReleases: file.keepReleases ?? 5, precompress: file.precompress ?? true, baseURL: baseURL ?? file.baseURL,
      staleAfterDays: file.staleAfterDays, email: file.email)
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
