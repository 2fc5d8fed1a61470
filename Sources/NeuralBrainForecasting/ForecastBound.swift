import Foundation
import NeuralBrainCore

/// The ceiling no forecast quantile may pass (docs/methodology.md, "Forecast bounds"), so that no
/// input — weekly reporting inside daily files, weekend zeros, reporting dumps, a spike after a
/// long run of zeros, explosive growth — can produce an interval of 10^37 cases.
///
/// A count can never exceed the population when it is known. Otherwise a series may grow no
/// faster than it has grown before: from the largest value of the last eight weeks, by the
/// largest week-over-week growth of its 7-day totals (clamped to 1.25–2.5 per week), compounded
/// for each week ahead. A day may hold a whole week's worth (weekly reporting), so daily bounds
/// start from the largest recent day, never below 10.
public enum ForecastBound {
  /// Weeks of history the recent maximum looks back over.
  public static let recentWeeks = 8
  /// The least and most growth per week the bound allows.
  public static let growthRange: ClosedRange<Double> = 1.25...2.5
  /// The recent maximum is never taken below this, so a series of zeros may still rise a little.
  public static let floor = 10.0

  /// The ceiling of each step ahead (1…`steps`) of `history` (incident counts, oldest first).
  public static func upper(history: [Double], frequency: Frequency, steps: Int, population: Double?) -> [Double] {
    let clean = history.map { $0.isFinite ? max($0, 0) : 0 }
    let periodsPerWeek = frequency == .daily ? 7 : 1
    let recent = clean.suffix(recentWeeks * periodsPerWeek)
    let start = max(recent.max() ?? 0, floor)
    let growth = weeklyGrowth(frequency == .daily ? LocalForecaster.weeklyTotals(clean) : clean)
    let cap = population.flatMap { $0 > 0 ? $0 : nil } ?? .infinity
    return (1...max(steps, 1)).map { step in
      let weeksAhead = (step + periodsPerWeek - 1) / periodsPerWeek
      return min(start * pow(growth, Double(weeksAhead)), cap)
    }
  }

  /// The largest week-over-week growth ratio of `weekly` totals, smoothed by +1 and counted only
  /// from weeks of at least `floor`, clamped to `growthRange` (its lower end without history).
  static func weeklyGrowth(_ weekly: [Double]) -> Double {
    var largest = growthRange.lowerBound
    for (previous, next) in zip(weekly, weekly.dropFirst()) where previous >= floor {
      largest = max(largest, (next + 1) / (previous + 1))
    }
    return min(max(largest, growthRange.lowerBound), growthRange.upperBound)
  }

  /// Multiple of the recent maximum no median may pass: the output validator refuses a median
  /// above 10× the recent maximum (methodology §2), and the embedded model must never fail its
  /// own validation, so its medians are held there (its upper quantiles may go higher).
  public static let medianMultiple = 10.0

  /// The ceiling of every median of `history`: `medianMultiple` × its largest value of the last
  /// `recentWeeks` weeks, never below `floor`. The validator looks back further (12 weeks of
  /// days, 26 weeks), so its cap is never lower than this one.
  public static func medianCeiling(history: [Double], frequency: Frequency) -> Double {
    let recent = history.suffix(recentWeeks * (frequency == .daily ? 7 : 1)).filter(\.isFinite)
    return medianMultiple * max(recent.max() ?? 0, floor)
  }

  /// `quantiles[step][level]` held under `bounds[step]`, and the levels up to the median under
  /// `medianCeiling`: non-finite values become the bound, and every row stays non-negative and
  /// non-decreasing.
  public static func clamp(
    _ quantiles: [[Double]], to bounds: [Double], medianCeiling: Double = .infinity
  ) -> [[Double]] {
    quantiles.enumerated().map { step, row in
      let bound = bounds[min(step, bounds.count - 1)]
      var previous = 0.0
      return row.enumerated().map { level, value in
        let ceiling = level <= QuantileLevels.medianIndex ? min(bound, medianCeiling) : bound
        let held = min(max(value.isFinite ? value : ceiling, 0), ceiling)
        previous = max(previous, held)
        return previous
      }
    }
  }
}
