import Foundation
import NeuralBrainCore
import NeuralBrainForecasting

/// What `neuralbrain backtest` found: the score tables and the targets of
/// docs/forecast-skill.md, as text (`lines`) and as the value `--json` prints (`document`).
public enum BacktestResult: Sendable {
  /// Weekly hub data: every model scored, `local`'s targets.
  case weekly(WeeklyReport)
  /// Daily data: one report per metric.
  case daily([DailyReport])

  /// What `backtest --json` prints for hub data.
  public struct WeeklyReport: Encodable, Sendable {
    var baseline: String
    var scale: ScoringScale
    var models: [ScoreSummary]
    var targets: [SkillTarget]
  }

  /// What `backtest --json --source <daily>` prints, one per metric.
  public struct DailyReport: Encodable, Sendable {
    var metric: Metric
    var regions: Int
    var baseline: String
    var perDay: [ScoreSummary]
    var sevenDayTotals: [ScoreSummary]
    var explosions: [DailyBacktest.Explosion]
    var largestRatio: Double
    var targets: [SkillTarget]
  }

  /// The value `--json` encodes.
  public var document: any Encodable & Sendable {
    switch self {
    case .weekly(let report): report
    case .daily(let reports): reports
    }
  }

  /// The tables and targets as text.
  public var text: String {
    switch self {
    case .weekly(let report):
      return Self.table(report.models, baseline: report.baseline, scale: report.scale) + "\n"
        + Self.targetLines(report.targets)
    case .daily(let reports):
      var lines: [String] = []
      for report in reports {
        lines.append("\(report.metric.displayName), \(report.regions) regions: per day (horizon = days ahead)")
        lines.append(
          Self.table(report.perDay, baseline: report.baseline, scale: .natural, horizons: [1, 7, 14, 21, 28]))
        lines.append("\n\(report.metric.displayName): 7-day totals (horizon = weeks ahead)")
        lines.append(Self.table(report.sevenDayTotals, baseline: report.baseline, scale: .natural))
        for explosion in report.explosions {
          lines.append(
            "97.5% quantiles above \(Int(explosion.multiple))x the largest day of the previous 8 weeks: "
              + "\(explosion.forecasts) forecasts (the truth went there \(explosion.observations) times)")
        }
        lines.append(String(format: "largest 97.5%% quantile / recent maximum: %.1f", report.largestRatio))
        lines.append(Self.targetLines(report.targets) + "\n")
      }
      return lines.joined(separator: "\n")
    }
  }

  static func targetLines(_ targets: [SkillTarget]) -> String {
    (["", "targets (docs/forecast-skill.md):"] + targets.map { "  " + $0.line }).joined(separator: "\n")
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
