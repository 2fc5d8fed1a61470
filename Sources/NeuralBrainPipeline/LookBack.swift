import NeuralBrainCore
import NeuralBrainRender

/// Picks, from the stored forecasts of earlier runs, the ones each region page looks back on:
/// for every metric, the forecast published 1, 2, 3 and 4 weeks before this release's.
///
/// "k weeks earlier" is the last reference date in the week ending k weeks before this
/// forecast's, so runs on irregular days still find their predecessors; several models at one
/// date (a failover) resolve to the first by name, so the choice is the same on every run.
enum LookBack {
  /// How many weeks back the region pages look.
  static let weeks = 1...4

  /// Region id → past forecasts, metric by metric and most recent first; only horizons the
  /// data already cover are in `stored` (`forecasts(endingOnOrBefore:)`).
  static func select(_ stored: [IssuedForecast], for forecasts: [ForecastData]) -> [String: [PastForecast]] {
    let byRegion = Dictionary(grouping: stored, by: \.regionID)
    var result: [String: [PastForecast]] = [:]
    for forecast in forecasts {
      guard let issued = byRegion[forecast.regionID] else { continue }
      let past = forecast.metrics.flatMap { metric in
        select(
          issued.filter { $0.target == metric.metric.rawValue }, metric: metric.metric, before: metric.referenceDate)
      }
      if !past.isEmpty { result[forecast.regionID] = past }
    }
    return result
  }

  private static func select(_ issued: [IssuedForecast], metric: Metric, before reference: Day) -> [PastForecast] {
    let issues = Dictionary(grouping: issued) { Issue(referenceDate: $0.referenceDate, model: $0.model) }
    let newestFirst = issues.keys.sorted { ($1.referenceDate, $0.model) < ($0.referenceDate, $1.model) }
    return weeks.compactMap { weeks -> PastForecast? in
      let latest = reference.adding(days: -7 * weeks)
      let earliest = latest.adding(days: -6)
      guard let issue = newestFirst.first(where: { $0.referenceDate >= earliest && $0.referenceDate <= latest }),
        let horizons = issues[issue]
      else { return nil }
      return PastForecast(
        weeksEarlier: weeks, metric: metric, referenceDate: issue.referenceDate, model: issue.model,
        horizons: horizons.map(\.forecast).sorted { $0.targetEndDate < $1.targetEndDate })
    }
  }

  private struct Issue: Hashable {
    var referenceDate: Day
    var model: String
  }
}
