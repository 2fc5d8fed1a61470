import NeuralBrainCore

/// The precision of the forecast values a release publishes: four decimals, as `hub.csv` writes
/// them.
///
/// A quantile of a count carries no meaning in its 17th digit, and digits nobody can defend cost
/// bytes: all 28 days × 23 quantiles of a daily region spelled in full made its document twice the
/// size and half as compressible. Rounding is monotone, so non-decreasing quantiles stay so, and a
/// value at or below a whole-number cap stays at or below it. Scores and derived metrics are
/// computed from the provider's full values before rounding.
enum PublishedPrecision {
  static let decimals = 4
  private static let scale = 10_000.0

  /// `value` to `decimals` places (non-finite values unchanged; the validator refused them).
  static func round(_ value: Double) -> Double {
    guard value.isFinite, abs(value) < 9e11 else { return value }
    return (value * scale).rounded() / scale
  }

  /// `forecast` with its quantiles rounded.
  static func round(_ forecast: HorizonForecast) -> HorizonForecast {
    var rounded = forecast
    rounded.quantiles = forecast.quantiles.map(round)
    return rounded
  }
}
