/// The 23 quantiles of one horizon's incident count.
public struct HorizonForecast: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case horizon
    case targetEndDate = "target_end_date"
    case quantiles
  }
  /// Hub horizon label (see `ForecastTargets`).
  public var horizon: Int
  public var targetEndDate: Day
  /// Values at `QuantileLevels.hub`, non-decreasing, non-negative.
  public var quantiles: [Double]

  public init(horizon: Int, targetEndDate: Day, quantiles: [Double]) {
    self.horizon = horizon
    self.targetEndDate = targetEndDate
    self.quantiles = quantiles
  }

  public var median: Double { quantiles[QuantileLevels.medianIndex] }
}

extension HorizonForecast {
  /// Days in the period daily forecasts are summarized over (the hubs' weekly totals).
  public static let daysPerPeriod = 7

  /// The next period's forecast, in the unit pages, e-mails and derived metrics use: the first
  /// step of weekly data; for daily data the level-wise sum of the first 7 days' quantiles (the
  /// quantile of the sum when days move together, a slightly wide but monotone approximation),
  /// scaled to 7 days when fewer exist, ending on the last of them. Nil without any step.
  public static func nextPeriod(of horizons: [HorizonForecast], frequency: Frequency) -> HorizonForecast? {
    let steps = frequency == .weekly ? Array(horizons.prefix(1)) : Array(horizons.prefix(daysPerPeriod))
    guard let last = steps.last else { return nil }
    let scale = frequency == .weekly ? 1 : Double(daysPerPeriod) / Double(steps.count)
    let quantiles = QuantileLevels.hub.indices.map { level in
      steps.reduce(0) { total, step in total + (level < step.quantiles.count ? step.quantiles[level] : 0) } * scale
    }
    return HorizonForecast(horizon: last.horizon, targetEndDate: last.targetEndDate, quantiles: quantiles)
  }
}
