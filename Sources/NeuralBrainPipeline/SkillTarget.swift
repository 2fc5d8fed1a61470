import Foundation
import NeuralBrainCore
import NeuralBrainForecasting

/// A skill figure the `local` model promises (docs/forecast-skill.md), checked by `backtest`
/// and printed as met or not, so a reader sees the claim and the evidence side by side.
public struct SkillTarget: Sendable, Hashable, Codable {
  public var name: String
  public var value: Double
  public var lowest: Double
  public var highest: Double

  public init(_ name: String, value: Double, within range: ClosedRange<Double>) {
    self.name = name
    self.value = value
    self.lowest = range.lowerBound
    self.highest = range.upperBound
  }

  public var isMet: Bool { value.isFinite && value >= lowest && value <= highest }

  /// Daily data (JHU confirmed, origins every 28 days): relative WIS per day at most 0.75
  /// against the daily flat baseline, 95% coverage 0.90–0.97, 50% coverage 0.40–0.60, and no
  /// 97.5% quantile above 100× the largest day of the previous 8 weeks.
  public static func daily(_ local: ScoreSummary, explosions: [DailyBacktest.Explosion]) -> [SkillTarget] {
    let above100 = explosions.first { $0.multiple == 100 }?.forecasts ?? 0
    return [
      SkillTarget("relative WIS per day", value: local.relativeWIS ?? .nan, within: 0...0.75),
      SkillTarget("95% coverage", value: local.coverage95, within: 0.90...0.97),
      SkillTarget("50% coverage", value: local.coverage50, within: 0.40...0.60),
      SkillTarget("97.5% quantiles above 100x the recent maximum", value: Double(above100), within: 0...0),
    ]
  }

  /// Weekly hub data (FluSight): relative WIS at most 0.80, 95% coverage 0.90–0.96.
  public static func weekly(_ local: ScoreSummary) -> [SkillTarget] {
    [
      SkillTarget("relative WIS", value: local.relativeWIS ?? .nan, within: 0...0.80),
      SkillTarget("95% coverage", value: local.coverage95, within: 0.90...0.96),
    ]
  }

  /// `✓ relative WIS 0.712 (target 0–0.75)`.
  public var line: String {
    func format(_ number: Double) -> String {
      number == number.rounded() && abs(number) < 1e9 ? String(Int(number)) : String(format: "%.3f", number)
    }
    let range = lowest == highest ? format(lowest) : "\(format(lowest))–\(format(highest))"
    return "\(isMet ? "met    " : "NOT MET") \(name): \(format(value)) (target \(range))"
  }
}
