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

  /// Median forecast of `z` (log scale) at `step`: the median over variants of the drift line
  /// `last + step · drift`, where drift is 0 when symmetrised and the mean recent change otherwise.
  static func median(_ z: [Double], step: Int, windows: [Int]) -> Double {
    guard let last = z.last else { return 0 }
    let lines = variants(windows: windows).map {
      last + Double(step) * drift(z, window: $0.window, symmetrize: $0.symmetrize)
    }
    return Quantile.median(lines)
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
