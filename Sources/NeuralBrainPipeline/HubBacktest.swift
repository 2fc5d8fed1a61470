import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainForecasting
import NeuralBrainIngest
import NeuralBrainStore

/// Rolling-origin evaluation of the `local` model on hub target data, the way the forecast hubs
/// score models: 23-quantile WIS, interval coverage, and relative WIS against a baseline.
///
/// At each reference date R the model sees only what was known then: the as-of file labelled
/// R − 7 days from an archive folder, the store's vintage of that date, or (for finalized data
/// without vintages) the truth file cut at R − 7 days. Published hub model-output folders can be
/// scored alongside.
public struct HubBacktest: Sendable {
  /// Where the data known at each origin come from.
  public enum Vintages: Sendable, Hashable {
    /// `<dir>/…_YYYY-MM-DD.csv` as-of files (e.g. FluSight's target-data-archive), the file for
    /// reference date R labelled R − `lag` days (7 for the hubverse archive, 5 for the legacy
    /// repository's Monday vintages).
    case archive(String, lag: Int)
    /// The state database's observation vintages.
    case store
    /// The truth file itself, cut at each origin (no revisions).
    case truncatedTruth
  }

  public var truthFile: String
  public var vintages: Vintages
  public var referenceDates: [Day]
  public var compare: [String]
  public var target: String
  /// Locations left out everywhere, and `LOCATION@REFERENCE-DATE` pairs left out of one date.
  public var exclude: [String]
  public var maxTargetDate: Day?
  public var steps: Int
  public var seed: UInt64
  public var baseline: String?
  /// Counts or log(1 + counts).
  public var scale: ScoringScale
  /// Where the truth, vintage and model-output files are read, and the time they are read at.
  public var environment: RunEnvironment

  public init(
    truthFile: String, vintages: Vintages, referenceDates: [Day], compare: [String] = [],
    target: String = "wk inc flu hosp", exclude: [String] = [], maxTargetDate: Day? = nil, steps: Int = 4,
    seed: UInt64 = 20_231_014, baseline: String? = nil, scale: ScoringScale = .natural, environment: RunEnvironment
  ) {
    self.environment = environment
    self.truthFile = truthFile
    self.vintages = vintages
    self.referenceDates = referenceDates
    self.compare = compare
    self.target = target
    self.exclude = exclude
    self.maxTargetDate = maxTargetDate
    self.steps = steps
    self.seed = seed
    self.baseline = baseline
    self.scale = scale
  }

  /// Name of our own FluSight-baseline re-implementation when no baseline folder is compared.
  public static let builtInBaseline = "flusight-baseline-nb"

  /// What a backtest produced.
  public struct Outcome: Sendable {
    public var baseline: String
    public var scale: ScoringScale
    public var summaries: [ScoreSummary]
    public var scored: [ScoredForecast]
  }

  public func run(database: NeuralBrainDatabase?) throws -> Outcome {
    let truth = try table(truthFile).values
    let origins = try referenceDates.map { try origin(at: $0, truth: truth, database: database) }
    var scored = Backtest.run(origins: origins, truth: truth, model: .local(), steps: steps, seed: seed, scale: scale)
    var baselineName = baseline
    if compare.isEmpty || baseline == Self.builtInBaseline {
      scored += Backtest.run(
        origins: origins, truth: truth,
        model: .flusightBaseline(name: Self.builtInBaseline, simulations: FluSightBaseline.defaultSimulations),
        steps: steps, seed: seed, scale: scale)
      baselineName = baselineName ?? Self.builtInBaseline
    }
    let dates = Set(referenceDates)
    for folder in compare {
      let files = try list(folder).filter { $0.hasSuffix(".csv") }
      for file in files {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
        let forecasts = try HubModelOutputReader.parse(try read(path), file: path, target: target)
          .filter { dates.contains($0.referenceDate) }
        scored += Backtest.score(forecasts, truth: truth, scale: scale)
      }
    }
    scored = scored.filter(isEvaluated)
    let models = Set(scored.map(\.model))
    let chosen = baselineName ?? models.sorted().first { $0.lowercased().contains("baseline") } ?? Self.builtInBaseline
    return Outcome(
      baseline: chosen, scale: scale, summaries: Backtest.summarize(scored, baseline: chosen), scored: scored)
  }

  func isEvaluated(_ forecast: ScoredForecast) -> Bool {
    guard forecast.horizon >= 0, forecast.horizon < steps else { return false }
    if let maxTargetDate, forecast.targetEndDate > maxTargetDate { return false }
    return !exclude.contains(forecast.regionID)
      && !exclude.contains("\(forecast.regionID)@\(forecast.referenceDate.iso)")
  }

  func origin(at date: Day, truth: [String: [Day: Double]], database: NeuralBrainDatabase?) throws -> BacktestOrigin {
    var known = date.adding(days: -7)
    let table: HubTargetTable
    switch vintages {
    case .archive(let folder, let lag):
      known = date.adding(days: -lag)
      guard let name = try list(folder).first(where: { $0.hasSuffix("_\(known.iso).csv") }) else {
        throw BacktestError.missingVintage(folder: folder, date: known)
      }
      table = try self.table(URL(fileURLWithPath: folder).appendingPathComponent(name).path)
    case .truncatedTruth:
      table = HubTargetTable(values: truth.mapValues { $0.filter { $0.key <= known } }, names: [:])
    case .store:
      guard let database else { throw BacktestError.missingVintage(folder: "the state database", date: known) }
      var values: [String: [Day: Double]] = [:]
      for (key, value) in try database.observations(asOf: known) where key.metric == .hospitalizations {
        values[key.regionID, default: [:]][key.date] = value
      }
      table = HubTargetTable(values: values, names: [:])
    }
    var series: [String: IncidentSeries] = [:]
    for (location, observed) in table.values where !exclude.contains(location) {
      guard let first = observed.keys.min() else { continue }
      series[location] = IncidentSeries(
        region: Region(id: location, code: location, name: table.names[location] ?? location),
        metric: .hospitalizations, frequency: .weekly, start: first,
        values: table.series(location: location, frequency: .weekly, through: known))
    }
    return BacktestOrigin(referenceDate: date, series: series)
  }

  func read(_ path: String) throws -> String {
    do {
      return String(decoding: try environment.fileSystem.contents(of: URL(fileURLWithPath: path)), as: UTF8.self)
    } catch {
      throw BacktestError.unreadable(path: path, reason: error.reason)
    }
  }

  /// The file names in `folder`, sorted.
  func list(_ folder: String) throws -> [String] {
    do {
      return try environment.fileSystem.list(URL(fileURLWithPath: folder))
    } catch {
      throw BacktestError.unreadable(path: folder, reason: error.reason)
    }
  }

  func table(_ path: String) throws -> HubTargetTable {
    try HubTargetTable.parse(try read(path), file: path, now: environment.clock.now())
  }

  /// Keeps the scores in the store (evaluation `backtest`) for the site's evaluation page.
  /// Keeps the scores for the site's evaluation page (`backtest`; log-scale runs are kept apart
  /// as `backtest-log`, the page shows counts).
  public static func store(
    _ scored: [ScoredForecast], scale: ScoringScale = .natural, in database: NeuralBrainDatabase
  ) throws {
    let evaluation = scale == .natural ? "backtest" : "backtest-log"
    try database.replaceScores(evaluation: evaluation, with: scored)
  }
}

/// A backtest that cannot run.
public enum BacktestError: Error, LocalizedError, ExitStatusProviding {
  /// No as-of data for an origin.
  case missingVintage(folder: String, date: Day)
  /// A file cannot be read.
  case unreadable(path: String, reason: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .missingVintage: .dataError
    case .unreadable: .ioError
    }
  }

  public var errorDescription: String? {
    switch self {
    case let .missingVintage(folder, date):
      "no data as of \(date.iso) in \(folder) (expected a file ending _\(date.iso).csv); narrow --from/--to or add the vintage."
    case let .unreadable(path, reason):
      "cannot read \(path): \(reason)."
    }
  }
}
