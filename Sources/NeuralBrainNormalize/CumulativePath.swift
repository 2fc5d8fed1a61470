import NeuralBrainCore

/// The seed schema's `forecasted_cases` / `forecasted_deaths`: a cumulative median path in
/// days, kept separate so its unit rules (days, not steps) live in one place.
enum CumulativePath {
  /// `{"day": n, "value": v}` with one point per step at the step's day offset (1, 2, … for
  /// daily data; 7, 14, … for weekly) and v = `total` + the running sum of step medians.
  /// Non-decreasing because validated medians are non-negative; values to `PublishedPrecision`.
  static func make(total: Double, horizons: [HorizonForecast], frequency: Frequency) -> [DayValue] {
    var running = total
    return horizons.enumerated().map { offset, step in
      running += max(0, step.median)
      return DayValue(day: (offset + 1) * frequency.days, value: PublishedPrecision.round(running))
    }
  }
}
