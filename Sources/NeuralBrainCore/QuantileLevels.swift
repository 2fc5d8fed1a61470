/// The 23 quantile levels the CDC FluSight and COVID-19 forecast hubs score.
public enum QuantileLevels {
  public static let hub: [Double] = [
    0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
    0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99,
  ]
  /// Index of the median in `hub`.
  public static let medianIndex = 11
  /// Indices of the central 50% interval bounds (0.25, 0.75).
  public static let central50 = (lower: 6, upper: 16)
  /// Indices of the central 95% interval bounds (0.025, 0.975).
  public static let central95 = (lower: 1, upper: 21)

  /// True when `observed` lies in the closed interval between the quantiles at two indices
  /// (`central50`, `central95`): interval coverage, for the scores and the pages alike.
  public static func covers(_ quantiles: [Double], observed: Double, interval: (lower: Int, upper: Int)) -> Bool {
    guard interval.upper < quantiles.count, interval.lower >= 0 else { return false }
    return quantiles[interval.lower] <= observed && observed <= quantiles[interval.upper]
  }
}
