import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainIngest
import NeuralBrainPipeline

/// `neuralbrain backtest`: how would `local` have scored, the way the forecast hubs score models.
struct BacktestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Rolling-origin evaluation of the local model (WIS, coverage, relative WIS) on weekly hub or daily data.",
    discussion: """
      Weekly hub data (--source hub): at each reference date R (a Saturday) the model sees only the \
      data known then: the as-of file labelled R-7 days in --archive, the store's vintage (--vintages \
      store), or the truth file cut at R-7 days, and is compared with the hub's models. Daily data \
      (--source jhu, owid, csv or demo): origins every --every days from --from to --to, each seeing \
      the days before it, horizons 1-28 days scored per day and as 7-day totals against the daily \
      flat baseline (COVIDhub-baseline). Both print the targets of docs/forecast-skill.md as met or not.

      Example (FluSight 2023-24):

        neuralbrain backtest --source hub \\
          --input ../shared/data/flusight/FluSight-forecast-hub/auxiliary-data/target-data-archive/target-hospital-admissions_2024-04-27.csv \\
          --archive ../shared/data/flusight/FluSight-forecast-hub/auxiliary-data/target-data-archive \\
          --from 2023-10-14 --to 2024-05-04 --max-target-date 2024-05-01 --exclude US --exclude 25@2023-12-09 \\
          --compare ../shared/data/flusight/FluSight-forecast-hub/model-output/FluSight-baseline \\
          --compare ../shared/data/flusight/FluSight-forecast-hub/model-output/FluSight-ensemble

      Example (JHU, 30 countries with the most cases):

        neuralbrain backtest --source jhu \\
          --input ../shared/data/covid19/jhu-csse/time_series_covid19_confirmed_global.csv \\
          --input ../shared/data/covid19/jhu-csse/UID_ISO_FIPS_LookUp_Table.csv \\
          --from 2021-02-01 --to 2022-10-31 --every 28 --top 30
      """)

  @OptionGroup var global: GlobalOptions

  @Option(name: .long, help: "Data source kind: hub (weekly target data) or a daily source: jhu, owid, csv, demo.")
  var source: String = "hub"

  @Option(
    name: .long,
    help: "Input file; repeat for several (hub: the target-data CSV used as truth; jhu: the time series and the UID lookup table).")
  var input: [String] = []

  @Option(name: .long, help: "Daily data: days between two origins (default 28).")
  var every: Int = 28

  @Option(name: .long, help: "Daily data: score only the N regions with the most counts of each metric.")
  var top: Int?

  @Option(name: .long, help: "Daily data: score only this metric (cases, deaths, hospital_admissions); repeatable.")
  var metric: [String] = []

  @Option(name: .long, help: "Folder of as-of files named …_YYYY-MM-DD.csv (e.g. target-data-archive).")
  var archive: String?

  @Option(name: .long, help: "Days between an as-of file's date and the reference date it serves (7 hubverse, 5 legacy FluSight).")
  var archiveLag: Int = 7

  @Option(name: .long, help: "Where origin data come from when --archive is not given: truth (cut at each origin) or store.")
  var vintages: String = "truth"

  @Option(name: .long, help: "First reference date (YYYY-MM-DD; a Saturday for hub data, the first origin for daily data).")
  var from: String

  @Option(name: .long, help: "Last reference date or origin (YYYY-MM-DD).")
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
    guard let kind = SourceKind(rawValue: source), kind != .diseasesh else {
      throw ValidationError("--source must be hub, jhu, owid, csv or demo")
    }
    guard let first = Day(iso: from), let last = Day(iso: to), first <= last else {
      throw ValidationError("--from and --to must be dates (YYYY-MM-DD) with --from on or before --to")
    }
    guard last - first < 3_650 else { throw ValidationError("--from … --to spans more than ten years") }
    if let maxTargetDate, Day(iso: maxTargetDate) == nil { throw ValidationError("--max-target-date must be YYYY-MM-DD") }
    guard ["truth", "store"].contains(vintages) else { throw ValidationError("--vintages must be truth or store") }
    guard (0...28).contains(archiveLag) else { throw ValidationError("--archive-lag must be between 0 and 28 days") }
    guard ScoringScale(rawValue: scale) != nil else { throw ValidationError("--scale must be natural or log") }
    guard (1...366).contains(every) else { throw ValidationError("--every must be between 1 and 366 days") }
    if let top, !(1...10_000).contains(top) { throw ValidationError("--top must be between 1 and 10000") }
    for name in metric where MetricName.parse(name) == nil {
      throw ValidationError("--metric \"\(name)\" is not a metric; use cases, deaths or hospital_admissions")
    }
    if kind == .hub {
      guard input.count == 1 else { throw ValidationError("--source hub reads one --input: the hub target-data CSV") }
    } else {
      guard archive == nil, compare.isEmpty else {
        throw ValidationError("--archive and --compare read hub files; use them with --source hub")
      }
      guard kind == .demo || !input.isEmpty else { throw ValidationError("--source \(source) needs --input") }
    }
  }

  func run() async throws {
    try await reportingFailures {
      if source == SourceKind.hub.rawValue {
        try await runHub()
      } else {
        try await runDaily()
      }
    }
  }

  private func runHub() async throws {
    let file = try global.loadConfiguration()
    let database = try global.openDatabase(file)
    guard let first = Day(iso: from), let last = Day(iso: to) else { return }
    let dates = stride(from: 0, through: last - first, by: 7).map { first.adding(days: $0) }
    let origins: HubBacktest.Vintages =
      archive.map { .archive($0, lag: archiveLag) } ?? (vintages == "store" ? .store : .truncatedTruth)
    let backtest = HubBacktest(
      truthFile: input[0], vintages: origins, referenceDates: dates, compare: compare, target: target,
      exclude: exclude, maxTargetDate: maxTargetDate.flatMap { Day(iso: $0) }, seed: seed, baseline: baseline,
      scale: ScoringScale(rawValue: scale) ?? .natural)
    let outcome: HubBacktest.Outcome
    do {
      outcome = try backtest.run(database: database)
      try HubBacktest.store(outcome.scored, scale: backtest.scale, in: database)
    } catch {
      throw CommandFailure(error)
    }
    let local = outcome.summaries.first { $0.model == LocalForecaster().modelID }
    let targets = local.map(SkillTarget.weekly) ?? []
    if json {
      print(try CommandJSON.encode(
        BacktestReport(baseline: outcome.baseline, scale: outcome.scale, models: outcome.summaries, targets: targets)))
    } else {
      print(Self.table(outcome.summaries, baseline: outcome.baseline, scale: outcome.scale))
      print(Self.targetLines(targets))
    }
  }

  private func runDaily() async throws {
    let file = try global.loadConfiguration()
    let database = try global.openDatabase(file)
    guard let first = Day(iso: from), let last = Day(iso: to), let kind = SourceKind(rawValue: source) else { return }
    var options = SourceOptions(kind: kind)
    options.inputs = input
    let backtest = DailySourceBacktest(
      source: options, origins: stride(from: 0, through: last - first, by: every).map { first.adding(days: $0) },
      top: top, metrics: metric.isEmpty ? nil : metric.compactMap(MetricName.parse),
      backtest: DailyBacktest(seed: seed), now: kind == .demo ? last.adding(days: 29).startDate : Date())
    let outcomes: [DailySourceBacktest.MetricOutcome]
    do {
      outcomes = try await backtest.run()
      try HubBacktest.store(outcomes.flatMap(\.scored), in: database)
    } catch {
      throw CommandFailure(error)
    }
    let reports = outcomes.map { outcome in
      DailyReport(
        metric: outcome.metric, regions: outcome.regions, baseline: DailyBacktest.baselineModel,
        perDay: outcome.daily, sevenDayTotals: outcome.weekly, explosions: outcome.explosions,
        largestRatio: outcome.largestRatio,
        targets: outcome.daily.first { $0.model == LocalForecaster().modelID }.map {
          SkillTarget.daily($0, explosions: outcome.explosions)
        } ?? [])
    }
    if json {
      print(try CommandJSON.encode(reports))
      return
    }
    for report in reports {
      print("\(report.metric.displayName), \(report.regions) regions: per day (horizon = days ahead)")
      print(Self.table(report.perDay, baseline: report.baseline, scale: .natural, horizons: [1, 7, 14, 21, 28]))
      print("\n\(report.metric.displayName): 7-day totals (horizon = weeks ahead)")
      print(Self.table(report.sevenDayTotals, baseline: report.baseline, scale: .natural))
      for explosion in report.explosions {
        print("97.5% quantiles above \(Int(explosion.multiple))x the largest day of the previous 8 weeks: "
          + "\(explosion.forecasts) forecasts (the truth went there \(explosion.observations) times)")
      }
      print(String(format: "largest 97.5%% quantile / recent maximum: %.1f", report.largestRatio))
      print(Self.targetLines(report.targets) + "\n")
    }
  }

  static func targetLines(_ targets: [SkillTarget]) -> String {
    (["", "targets (docs/forecast-skill.md):"] + targets.map { "  " + $0.line }).joined(separator: "\n")
  }

  /// What `backtest --json --source <daily>` prints, one per metric.
  struct DailyReport: Encodable {
    var metric: Metric
    var regions: Int
    var baseline: String
    var perDay: [ScoreSummary]
    var sevenDayTotals: [ScoreSummary]
    var explosions: [DailyBacktest.Explosion]
    var largestRatio: Double
    var targets: [SkillTarget]
  }

  /// What `backtest --json` prints.
  struct BacktestReport: Encodable {
    var baseline: String
    var scale: ScoringScale
    var models: [ScoreSummary]
    var targets: [SkillTarget]
  }

  /// One row per model for every horizon (or only `horizons`), after the row of all horizons.
  static func table(
    _ summaries: [ScoreSummary], baseline: String, scale: ScoringScale, horizons: [Int]? = nil
  ) -> String {
    func number(_ value: Double?, _ digits: Int) -> String {
      value.map { String(format: "%.\(digits)f", $0) } ?? "-"
    }
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
    let note = scale == .log ? " (scored on log(1 + count))" : ""
    let digits = scale == .log ? 4 : 2
    var lines = ["relative WIS against \(baseline)\(note)", ""]
    lines.append(
      "model".padding(toLength: 26, withPad: " ", startingAt: 0) + pad("horizon", 8) + pad("n", 7) + pad("WIS", 10)
        + pad("rel WIS", 9) + pad("MAE", 10) + pad("cov50", 7) + pad("cov95", 7))
    for summary in summaries {
      let shown = summary.byHorizon.keys.sorted().filter { horizons?.contains($0) ?? true }
      let rows: [(String, ScoreSummary.Slice)] =
        [("all", summary.overall)] + shown.compactMap { key in summary.byHorizon[key].map { ("\(key)", $0) } }
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
