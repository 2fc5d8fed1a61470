import NeuralBrainCore

/// Weekly "periods" of a series, so daily and weekly data share one set of formulas.
///
/// For weekly data a period is one value; for daily data it is a 7-day sum. Sums are taken in
/// non-overlapping blocks ending at the last observation, which removes weekday effects.
enum PeriodSeries {
  static let daysPerPeriod = HorizonForecast.daysPerPeriod

  /// Weekly totals of the series (gaps filled as `IncidentSeries.filledValues` does), oldest
  /// first; for daily data an incomplete leading block is dropped.
  static func weeklyTotals(_ series: IncidentSeries) -> [Double] {
    let filled = series.filledValues
    guard series.frequency == .daily else { return filled }
    let blocks = filled.count / daysPerPeriod
    let start = filled.count - blocks * daysPerPeriod
    return (0..<blocks).map { block in
      let from = start + block * daysPerPeriod
      return filled[from..<(from + daysPerPeriod)].reduce(0, +)
    }
  }

  /// Incidence of the last observed period; for daily data with fewer than 7 days, the mean
  /// day scaled to a week. 0 when nothing was observed.
  static func lastPeriod(_ series: IncidentSeries) -> Double {
    if let last = weeklyTotals(series).last { return last }
    let filled = series.filledValues
    guard !filled.isEmpty else { return 0 }
    return filled.reduce(0, +) * Double(daysPerPeriod) / Double(filled.count)
  }

  /// The 23 quantiles of the next period's incidence: the provider's own 7-day total when it
  /// made one, else `HorizonForecast.nextPeriod`; without any step, a point mass at `fallback`.
  static func nextPeriodQuantiles(
    _ horizons: [HorizonForecast], frequency: Frequency, provided: HorizonForecast? = nil, fallback: Double
  ) -> [Double] {
    (provided ?? HorizonForecast.nextPeriod(of: horizons, frequency: frequency))?.quantiles
      ?? Array(repeating: fallback, count: QuantileLevels.hub.count)
  }
}
