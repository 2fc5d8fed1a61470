import NeuralBrainCore

/// Proper scores of a quantile forecast against one observation, as the forecast hubs define them.
///
/// WIS (Bracher et al. 2021) with K central intervals plus the median equals the sum of pinball
/// losses over the 2K + 1 quantiles divided by K + 0.5; with the 23 hub levels that is twice the
/// mean pinball loss. Coverage and the median's absolute error complete the hub scorecards.
public enum WeightedIntervalScore {
  /// WIS of `quantiles` at symmetric `levels` (an odd count including 0.5) for `observed`.
  public static func score(
    quantiles: [Double], observed: Double, levels: [Double] = QuantileLevels.hub
  ) -> Double {
    let count = min(quantiles.count, levels.count)
    guard count > 0 else { return 0 }
    var total = 0.0
    for index in 0..<count {
      total += pinball(quantile: quantiles[index], level: levels[index], observed: observed)
    }
    return total / (Double(count - 1) / 2 + 0.5)
  }

  /// The pinball (quantile) loss `(1{y < q} − τ)(q − y)`.
  public static func pinball(quantile: Double, level: Double, observed: Double) -> Double {
    (observed < quantile ? 1 - level : -level) * (quantile - observed)
  }

  /// Absolute error of the median (`QuantileLevels.medianIndex`) of hub quantiles.
  public static func absoluteError(_ quantiles: [Double], observed: Double) -> Double {
    guard QuantileLevels.medianIndex < quantiles.count else { return .nan }
    return abs(quantiles[QuantileLevels.medianIndex] - observed)
  }
}
