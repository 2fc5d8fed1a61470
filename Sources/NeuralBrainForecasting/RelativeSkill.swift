import Foundation

/// Relative skill by the pairwise tournament of Cramer et al. (2022, PNAS).
///
/// Models forecast different subsets of targets, so mean scores are compared pairwise over the
/// targets both models share; θ_i is the geometric mean over all models j (itself included) of
/// mean score_i / mean score_j, and the relative score is θ_i / θ_baseline.
public enum RelativeSkill {
  /// Relative scores of every model against `baseline`, from per-model scores keyed by target.
  ///
  /// Returns an empty dictionary when the baseline is absent; models sharing no target or with a
  /// zero mean score against another model are left out of that model's geometric mean.
  public static func pairwise<Key: Hashable>(
    _ scores: [String: [Key: Double]], baseline: String
  ) -> [String: Double] {
    let models = scores.keys.sorted()
    var theta: [String: Double] = [:]
    for model in models {
      var logSum = 0.0
      var pairs = 0
      for other in models {
        guard let ratio = ratio(scores[model] ?? [:], scores[other] ?? [:]) else { continue }
        logSum += log(ratio)
        pairs += 1
      }
      if pairs > 0 { theta[model] = exp(logSum / Double(pairs)) }
    }
    guard let reference = theta[baseline], reference > 0 else { return [:] }
    return theta.mapValues { $0 / reference }
  }

  /// Mean of `a` over mean of `b` across their shared keys; `nil` without a usable ratio.
  ///
  /// The shared pairs are summed in sorted order: dictionary order changes from process to
  /// process, and so would the last digits of a sum taken in it.
  static func ratio<Key: Hashable>(_ a: [Key: Double], _ b: [Key: Double]) -> Double? {
    let shared = a.compactMap { key, value in b[key].map { (value, $0) } }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    let sumA = shared.reduce(0) { $0 + $1.0 }
    let sumB = shared.reduce(0) { $0 + $1.1 }
    guard !shared.isEmpty, sumA > 0, sumB > 0 else { return nil }
    return sumA / sumB
  }
}
