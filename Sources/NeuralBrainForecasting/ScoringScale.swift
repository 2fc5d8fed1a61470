import Foundation

/// The scale forecasts are scored on.
///
/// WIS on counts is dominated by the largest locations and the peak weeks; on log(1 + count) it
/// is a relative error that weighs every location alike and tracks growth-rate skill (Bosse et
/// al. 2023). The CDC reports FluSight's relative WIS on both.
public enum ScoringScale: String, Sendable, Hashable, CaseIterable, Codable {
  case natural
  case log

  /// `value` on this scale (negative counts are scored as 0 on the log scale).
  public func transform(_ value: Double) -> Double {
    switch self {
    case .natural: value
    case .log: log1p(max(value, 0))
    }
  }
}
