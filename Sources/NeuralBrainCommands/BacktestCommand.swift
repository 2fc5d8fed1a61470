import ArgumentParser
import Foundation
import NeuralBrainCore
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

        hub=../shared/data/flusight/FluSight-forecast-hub
        asof=$hub/auxiliary-data/target-data-archive
        neuralbrain backtest --source hub \\
          --input $asof/target-hospital-admissions_2024-04-27.csv \\
          --archive $asof --from 2023-10-14 --to 2024-05-04 \\
          --max-target-date 2024-05-01 \\
          --exclude US --exclude 25@2023-12-09 \\
          --compare $hub/model-output/FluSight-baseline \\
          --compare $hub/model-output/FluSight-ensemble

      Example (JHU, 30 countries with the most cases):

        jhu=../shared/data/covid19/jhu-csse
        neuralbrain backtest --source jhu \\
          --input $jhu/time_series_covid19_confirmed_global.csv \\
          --input $jhu/UID_ISO_FIPS_LookUp_Table.csv \\
          --from 2021-02-01 --to 2022-10-31 --every 28 --top 30
      """)

  @OptionGroup var global: GlobalOptions

  @Option(name: .long, help: "Data source kind: hub (weekly target data) or a daily source: jhu, owid, csv, demo.")
  var source: String = "hub"

  @Option(
    name: .long,
    help:
      "Input file; repeat for several (hub: the target-data CSV used as truth; jhu: the time series and the UID lookup table)."
  )
  var input: [String] = []

  @Option(name: .long, help: "Daily data: days between two origins.")
  var every: Int = 28

  @Option(name: .long, help: "Daily data: score only the N regions with the most counts of each metric.")
  var top: Int?

  @Option(name: .long, help: "Daily data: score only this metric (cases, deaths, hospital_admissions); repeatable.")
  var metric: [String] = []

  @Option(name: .long, help: "Folder of as-of files named …_YYYY-MM-DD.csv (e.g. target-data-archive).")
  var archive: String?

  @Option(
    name: .long,
    help: "Days between an as-of file's date and the reference date it serves (7 hubverse, 5 legacy FluSight).")
  var archiveLag: Int = 7

  @Option(
    name: .long, help: "Where origin data come from when --archive is not given: truth (cut at each origin) or store.")
  var vintages: String = "truth"

  @Option(
    name: .long, help: "First reference date (YYYY-MM-DD; a Saturday for hub data, the first origin for daily data).")
  var from: String

  @Option(name: .long, help: "Last reference date or origin (YYYY-MM-DD).")
  var to: String

  @Option(
    name: .long, help: "Hub model-output folder (hubverse or legacy layout) to score alongside; repeat for several.")
  var compare: [String] = []

  @Option(
    name: .long,
    help:
      "Model that relative WIS is measured against (default: the compared *baseline* model, else our FluSight-baseline)."
  )
  var baseline: String?

  @Option(name: .long, help: "Leave out a location everywhere (e.g. US), or one LOCATION@REFERENCE-DATE; repeatable.")
  var exclude: [String] = []

  @Option(name: .long, help: "Ignore targets ending after this date (YYYY-MM-DD).")
  var maxTargetDate: String?

  @Option(name: .long, help: "Hub target name in model-output files.")
  var target: String = "wk inc flu hosp"

  @Option(name: .long, help: "Random seed of the Monte Carlo components.")
  var seed: UInt64 = 20_231_014

  @Option(name: .long, help: "Score counts (natural) or log(1 + counts) (log), as the CDC also reports.")
  var scale: String = "natural"

  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false

  /// The evaluation the options describe.
  var request: BacktestRequest {
    var request = BacktestRequest(from: from, to: to)
    request.source = source
    request.inputs = input
    request.every = every
    request.top = top
    request.metrics = metric
    request.archive = archive
    request.archiveLag = archiveLag
    request.vintages = vintages
    request.compare = compare
    request.baseline = baseline
    request.exclude = exclude
    request.maxTargetDate = maxTargetDate
    request.target = target
    request.seed = seed
    request.scale = scale
    return request
  }

  func validate() throws {
    if let problem = request.problem { throw ValidationError(problem) }
  }

  func run() async throws {
    try await withWorkspace(global) { workspace in
      let result = try await workspace.backtest(request)
      print(json ? try CommandJSON.encode(result.document) : result.text)
    }
  }
}
