import Foundation
import NeuralBrainCore

/// One plain-language sentence per region, generated from its numbers, for the index (a title
/// and a second line), the region page and the e-mail: "Rising: about 25,000 hospital admissions
/// expected in the week ending 2024-01-13 (95% range 16,000–41,000); higher than 48 of 53
/// regions per 100k."
///
/// A direction is stated only when the forecast supports it at 75% or more (the next period's
/// 25% quantile above the last period for a rise, its 75% quantile below it for a fall) and the
/// published trend agrees; otherwise the sentence says the direction is unclear.
enum Verdict {
  static func sentence(for forecast: ForecastData, among all: [ForecastData]) -> String {
    sentence(for: forecast, ranking: IncidenceRanking(all))
  }

  /// The sentence, ranking the region's incidence in `ranking` (built once for all pages).
  static func sentence(for forecast: ForecastData, ranking: IncidenceRanking) -> String {
    guard let metric = forecast.primaryForecast,
      let next = metric.periodForecast,
      next.quantiles.count == QuantileLevels.hub.count
    else { return "No forecast this time." }
    let last = lastPeriod(metric)
    let lower50 = next.quantiles[QuantileLevels.central50.lower]
    let upper50 = next.quantiles[QuantileLevels.central50.upper]
    let direction: String
    if forecast.trend == .increasing, let last, lower50 > last {
      direction = "Rising"
    } else if forecast.trend == .decreasing, let last, upper50 < last {
      direction = "Falling"
    } else if forecast.trend == .stable, let last, lower50 <= last, upper50 >= last {
      direction = "Steady"
    } else {
      direction = "No clear direction"
    }
    let noun = metric.metric.displayName.lowercased()
    let period =
      metric.frequency == .weekly
      ? "in the week ending \(next.targetEndDate.iso)" : "in the next 7 days (to \(next.targetEndDate.iso))"
    var text =
      "\(direction): about \(rounded(next.median)) \(noun) expected \(period) (95% range "
      + "\(rounded(next.quantiles[QuantileLevels.central95.lower]))–\(rounded(next.quantiles[QuantileLevels.central95.upper])))"
    if let rank = ranking.phrase(for: forecast) { text += "; " + rank }
    return text + "."
  }

  /// The last observed period: the last week, or the last 7 days' total (nil with fewer days).
  static func lastPeriod(_ metric: MetricForecast) -> Double? {
    let values = metric.recent.compactMap(\.value)
    guard metric.frequency == .daily else { return values.last }
    guard values.count >= HorizonForecast.daysPerPeriod else { return nil }
    return values.suffix(HorizonForecast.daysPerPeriod).reduce(0, +)
  }

  /// "higher than K of N regions per 100k", among regions with a known incidence.

  /// A count as people say it: two significant figures from 1,000 up (`25,000`, `1,300`),
  /// whole numbers below.
  static func rounded(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    guard value >= 1_000 else { return NumberFormat.count(value.rounded()) }
    let magnitude = pow(10, floor(log10(value)) - 1)
    return NumberFormat.count((value / magnitude).rounded() * magnitude)
  }
}

/// Every region's incidence per 100k, sorted once, so that each page can say how many regions
/// are below its own without scanning them all (thousands of pages × thousands of regions).
struct IncidenceRanking: Sendable {
  private let sorted: [Double]

  init(_ forecasts: [ForecastData]) { sorted = forecasts.compactMap(\.incidencePer100k).sorted() }

  /// "higher than N of M regions per 100k"; nil without an incidence or with fewer than 3 regions.
  func phrase(for forecast: ForecastData) -> String? {
    guard let own = forecast.incidencePer100k, sorted.count >= 3 else { return nil }
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < own { low = middle + 1 } else { high = middle }
    }
    return "higher than \(low) of \(sorted.count) regions per 100k"
  }
}
