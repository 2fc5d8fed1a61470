import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainPipeline

/// `neuralbrain backtest`: how would `local` have scored, the way the forecast hubs score models.
struct BacktestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Rolling-origin evaluation of the local model on hub target data (WIS, coverage, relative WIS).",
    discussion: """
      At each reference date R (a Saturday) the model sees only the data known then: the as-of file \
      labelled R-7 days in --archive, the store's vintage (--vintages store), or the truth file cut at \
      R-7 days. Example (FluSight 2023-24):

        neuralbrain backtest --source hub \\
          --input ../shared/data/flusight/FluSight-forecast-hub/auxiliary-data/target-data-archive/target-hospital-admissions_2024-04-27.csv \\
          --archive ../shared/data/flusight/FluSight-forecast-hub/auxiliary-data/target-data-archive \\
          --from 2023-10-14 --to 2024-05-04 --max-target-date 2024-05-01 --exclude US --exclude 25@2023-12-09 \\
          --compare ../shared/data/flusight/FluSight-forecast-hub/model-output/FluSight-baseline \\
          --compare ../shared/data/flusight/FluSight-forecast-hub/model-output/FluSight-ensemble
      """)

  @OptionGroup var global: GlobalOptions

  @Option(name: .long, help: "Data source kind; only hub target data are supported (default: hub).")
  var source: String = "hub"

  @Option(name: .long, help: "Hub target-data CSV used as truth (date,location,location_name,value).")
  var input: String

  @Option(name: .long, help: "Folder of as-of files named …_YYYY-MM-DD.csv (e.g. target-data-archive).")
  var archive: String?

  @Option(name: .long, help: "Days between an as-of file's date and the reference date it serves (7 hubverse, 5 legacy FluSight).")
  var archiveLag: Int = 7

  @Option(name: .long, help: "Where origin data come from when --archive is not given: truth (cut at each origin) or store.")
  var vintages: String = "truth"

  @Option(name: .long, help: "First reference date (YYYY-MM-DD, a Saturday).")
  var from: String

  @Option(name: .long, help: "Last reference date (YYYY-MM-DD).")
  var to: String

  @Option(name: .long, help: "Hub model-output folder (hubverse or legacy layout) to score alongside; repeat for several.")
  var compare: [String] = []

  @Option(name: .long, help: "Model that relative WIS is measured against (default: the compared *baseline* model, else our FluSight-baseline).")
  var baseline: String?

  @Option(name: .long, help: "Leave out a location everywhere (e.g. US), or one LOCATION@REFERENCE-DATE; repeatable.")
  var exclude: [String] = []

  @Option(name: .long, help: "Ignore targets ending after this date (YYYY-MM-DD).")
  var maxTargetDate: String?

  @Option(name: .long, help: "Hub target name in model-output files (default: wk inc flu hosp).")
  var target: String = "wk inc flu hosp"

  @Option(name: .long, help: "Random seed of the Monte Carlo components.")
  var seed: UInt64 = 20_231_014

  @Option(name: .long, help: "Score counts (natural) or log(1 + counts) (log), as the CDC also reports.")
  var scale: String = "natural"

  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false

  func validate() throws {
    guard source == "hub" else { throw ValidationError("--source must be hub: backtests read hub target data") }
    guard let first = Day(iso: from), let last = Day(iso: to), first <= last else {
      throw ValidationError("--from and --to must be dates (YYYY-MM-DD) with --from on or before --to")
    }
    guard (last - first) / 7 < 520 else { throw ValidationError("--from … --to spans more than ten years") }
    if let maxTargetDate, Day(iso: maxTargetDate) == nil { throw ValidationError("--max-target-date must be YYYY-MM-DD") }
    guard ["truth", "store"].contains(vintages) else { throw ValidationError("--vintages must be truth or store") }
    guard (0...28).contains(archiveLag) else { throw ValidationError("--archive-lag must be between 0 and 28 days") }
    guard ScoringScale(rawValue: scale) != nil else { throw ValidationError("--scale must be natural or log") }
  }

  func run() async throws {
    try await reportingFailures {
      let file = try global.loadConfiguration()
      let database = try global.openDatabase(file)
      guard let first = Day(iso: from), let last = Day(iso: to) else { return }
      let dates = stride(from: 0, through: last - first, by: 7).map { first.adding(days: $0) }
      let origins: HubBacktest.Vintages =
        archive.map { .archive($0, lag: archiveLag) } ?? (vintages == "store" ? .store : .truncatedTruth)
      let backtest = HubBacktest(
        truthFile: input, vintages: origins, referenceDates: dates, compare: compare, target: target,
        exclude: exclude, maxTargetDate: maxTargetDate.flatMap { Day(iso: $0) }, seed: seed, baseline: baseline,
        scale: ScoringScale(rawValue: scale) ?? .natural)
      let outcome: HubBacktest.Outcome
      do {
        outcome = try backtest.run(database: database)
        try HubBacktest.store(outcome.scored, scale: backtest.scale, in: database)
      } catch {
        throw CommandFailure(error)
      }
      if json {
        print(try CommandJSON.encode(BacktestReport(baseline: outcome.baseline, scale: outcome.scale, models: outcome.summaries)))
      } else {
        print(Self.table(outcome))
      }
    }
  }

  /// What `backtest --json` prints.
  struct BacktestReport: Encodable {
    var baseline: String
    var scale: ScoringScale
    var models: [ScoreSummary]
  }

  static func table(_ outcome: HubBacktest.Outcome) -> String {
    func number(_ value: Double?, _ digits: Int) -> String {
      value.map { String(format: "%.\(digits)f", $0) } ?? "-"
    }
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
    let scale = outcome.scale == .log ? " (scored on log(1 + count))" : ""
    let digits = outcome.scale == .log ? 4 : 2
    var lines = ["relative WIS against \(outcome.baseline)\(scale)", ""]
    lines.append(
      "model".padding(toLength: 26, withPad: " ", startingAt: 0) + pad("horizon", 8) + pad("n", 7) + pad("WIS", 10)
        + pad("rel WIS", 9) + pad("MAE", 10) + pad("cov50", 7) + pad("cov95", 7))
    for summary in outcome.summaries {
      let rows: [(String, ScoreSummary.Slice)] =
        [("all", summary.overall)] + summary.byHorizon.keys.sorted().map { ("\($0)", summary.byHorizon[$0]!) }
      for (label, slice) in rows {
        lines.append(
          summary.model.padding(toLength: 26, withPad: " ", startingAt: 0) + pad(label, 8) + pad("\(slice.count)", 7)
            + pad(number(slice.meanWIS, digits), 10) + pad(number(slice.relativeWIS, 3), 9)
            + pad(number(slice.meanAbsoluteError, digits), 10) + pad(number(slice.coverage50, 3), 7)
            + pad(number(slice.coverage95, 3), 7))
      }
    }
    return lines.joined(separator: "\n")
  }
}
