import NeuralBrainCore

/// Component A of the local model: the UMass trends ensemble (docs/models.md §3) on the log
/// scale — the quantile-baseline simulation on the last few changes (windows of 2 and 3 by
/// default), symmetrised or not, combined by the quantile-wise median.
///
/// Short windows follow the current trend and size the spread from the current phase of the
/// epidemic instead of the whole (mostly quiet) history.
enum TrendsEnsemble {
  /// The variants for recent-change windows: each window, symmetrised and not.
  static func variants(windows: [Int]) -> [(window: Int, symmetrize: Bool)] {
    windows.flatMap { [($0, true), ($0, false)] }
  }

  /// The variants' drifts for `z` (log scale), ascending: 0 when symmetrised, the mean recent
  /// change otherwise. The same for every step, so a replay works them out once per origin.
  static func drifts(_ z: [Double], windows: [Int]) -> [Double] {
    variants(windows: windows).map { drift(z, window: $0.window, symmetrize: $0.symmetrize) }.sorted()
  }

  /// Median forecast at `step` after the value `last`: the median over variants of the drift
  /// line `last + step · drift`, given the variants' ascending `drifts` (`drifts(_:windows:)`;
  /// the lines keep their order, so no sort is needed here).
  static func median(last: Double, drifts: [Double], step: Int) -> Double {
    Quantile.type7(count: drifts.count, 0.5) { last + Double(step) * drifts[$0] }
  }

  /// Quantiles `[step − 1][23]` on the log scale, floored at 0 (a count of zero).
  static func quantiles(
    _ z: [Double], steps: Int, windows: [Int], simulations: Int, generator: inout SplitMix64
  ) -> [[Double]] {
    let last = z.last ?? 0
    let runs = variants(windows: windows).map { variant in
      FluSightBaseline.simulate(
        last: last, differences: FluSightBaseline.differences(z, window: variant.window),
        symmetrize: variant.symmetrize, drift: drift(z, window: variant.window, symmetrize: variant.symmetrize),
        floor: 0, steps: steps, simulations: simulations, generator: &generator)
    }
    return QuantileCombination.median(runs)
  }

  /// The mean of the last `window` one-step changes (they telescope), or 0 when symmetrised.
  static func drift(_ z: [Double], window: Int, symmetrize: Bool) -> Double {
    let span = min(window, z.count - 1)
    guard !symmetrize, span > 0 else { return 0 }
    return (z[z.count - 1] - z[z.count - 1 - span]) / Double(span)
  }
}
