import Foundation
import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainIngest

/// What `neuralbrain backtest` is asked: a rolling-origin evaluation of `local` on weekly hub
/// data (`source` hub) or on a daily source (jhu, owid, csv, demo). Dates are YYYY-MM-DD text,
/// checked by `problem`.
public struct BacktestRequest: Sendable {
  public var source = "hub"
  public var inputs: [String] = []
  /// Daily data: days between two origins.
  public var every = 28
  /// Daily data: score only the regions with the most counts of each metric.
  public var top: Int?
  /// Daily data: metric names to score (all when empty).
  public var metrics: [String] = []
  /// Hub data: folder of as-of files named …_YYYY-MM-DD.csv.
  public var archive: String?
  /// Days between an as-of file's date and the reference date it serves.
  public var archiveLag = 7
  /// Where hub origin data come from without an archive: truth (cut at each origin) or store.
  public var vintages = "truth"
  public var from: String
  public var to: String
  /// Hub model-output folders scored alongside.
  public var compare: [String] = []
  public var baseline: String?
  public var exclude: [String] = []
  public var maxTargetDate: String?
  public var target = "wk inc flu hosp"
  public var seed: UInt64 = 20_231_014
  /// natural or log.
  public var scale = "natural"

  public init(from: String, to: String) {
    self.from = from
    self.to = to
  }

  /// What is wrong with the request, as a usage message naming the option; nil when valid.
  public var problem: String? {
    guard let kind = SourceKind(rawValue: source), kind != .diseasesh else {
      return "--source must be hub, jhu, owid, csv or demo"
    }
    guard let first = Day(iso: from), let last = Day(iso: to), first <= last else {
      return "--from and --to must be dates (YYYY-MM-DD) with --from on or before --to"
    }
    guard last - first < 3_650 else { return "--from … --to spans more than ten years" }
    if let maxTargetDate, Day(iso: maxTargetDate) == nil { return "--max-target-date must be YYYY-MM-DD" }
    guard ["truth", "store"].contains(vintages) else { return "--vintages must be truth or store" }
    guard (0...28).contains(archiveLag) else { return "--archive-lag must be between 0 and 28 days" }
    guard ScoringScale(rawValue: scale) != nil else { return "--scale must be natural or log" }
    guard (1...366).contains(every) else { return "--every must be between 1 and 366 days" }
    if let top, !(1...10_000).contains(top) { return "--top must be between 1 and 10000" }
    for name in metrics where MetricName.parse(name) == nil {
      return "--metric \"\(name)\" is not a metric; use cases, deaths or hospital_admissions"
    }
    if kind == .hub {
      guard inputs.count == 1 else { return "--source hub reads one --input: the hub target-data CSV" }
    } else {
      guard archive == nil, compare.isEmpty else {
        return "--archive and --compare read hub files; use them with --source hub"
      }
      guard kind == .demo || !inputs.isEmpty else { return "--source \(source) needs --input" }
    }
    return nil
  }
}
