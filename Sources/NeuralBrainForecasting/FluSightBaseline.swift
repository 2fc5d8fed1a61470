import NeuralBrainCore

/// The CDC FluSight baseline: a flat line from the last value with spread from the history of
/// one-step changes (epipredict `cdc_baseline_forecaster`, docs/models.md §2).
///
/// Relative WIS is measured against this model, so the backtest needs an exact re-implementation;
/// the trends component of the local model runs the same simulation on recent windows.
public enum FluSightBaseline {
  /// The model name the hubs use.
  public static let modelID = "FluSight-baseline"
  /// Monte Carlo draws per series unless a caller asks for fewer (the hub's own runs use 10^5).
  public static let defaultSimulations = 10_000

  /// Quantiles `[step − 1][23]` at `QuantileLevels.hub` for steps 1…`steps` after the last value
  /// of `y`: symmetrised first differences of the whole history, exact at step 1 and Monte Carlo
  /// (seeded, `simulations` draws) beyond, re-centred on the last value and truncated at 0.
  public static func flusightBaseline(
    _ y: [Double], steps: Int, seed: UInt64, simulations: Int = defaultSimulations
  ) -> [[Double]] {
    var generator = SplitMix64(seed: seed)
    return simulate(
      last: y.last ?? 0, differences: differences(y), symmetrize: true, drift: 0, floor: 0,
      steps: steps, simulations: simulations, generator: &generator)
  }

  /// One-step changes `y[t] − y[t − 1]`, skipping non-finite values.
  static func differences(_ y: [Double], window: Int? = nil) -> [Double] {
    guard y.count > 1 else { return [] }
    let start = window.map { max(1, y.count - $0) } ?? 1
    return (start..<y.count).map { y[$0] - y[$0 - 1] }.filter(\.isFinite)
  }

  /// Quantiles `[block − 1][23]` of the totals of consecutive `blockLength`-step blocks after
  /// the last value of `y` (e.g. the next four 7-day totals of a daily series): the baseline's
  /// sample paths, each step re-centred as the per-step quantiles are, summed per block. This is
  /// how the COVID-19 Forecast Hub's baseline turned daily trajectories into weekly targets.
  public static func blockTotals(
    _ y: [Double], blocks: Int, blockLength: Int = 7, seed: UInt64, simulations: Int = defaultSimulations
  ) -> [[Double]] {
    guard blocks > 0, blockLength > 0 else { return [] }
    var generator = SplitMix64(seed: seed)
    var totals = [[Double]](repeating: [], count: blocks)
    walk(
      last: y.last ?? 0, residuals: sortedResiduals(differences(y), symmetrize: true), drift: 0, floor: 0,
      steps: blocks * blockLength, simulations: simulations, levels: [], generator: &generator
    ) { step, paths, _, shift in
      let block = (step - 1) / blockLength
      if totals[block].isEmpty { totals[block] = [Double](repeating: 0, count: paths.count) }
      for index in paths.indices { totals[block][index] += max(0, paths[index] - shift) }
    }
    return totals.map { sums in
      let sorted = sums.sorted()
      return QuantileLevels.hub.map { sorted.isEmpty ? 0 : Quantile.type7(sorted: sorted, $0) }
    }
  }

  /// The quantile-baseline simulation shared by the baseline and the trends variants.
  ///
  /// Step 1 is closed form: `max(floor, last + drift + Q(r, τ) − median(r))`. Later steps add a
  /// freshly shuffled copy of the evenly spaced grid of the difference distribution to every
  /// path, then shift the paths so their median is `last + step · drift`. With symmetrised
  /// differences and zero drift this is exactly the FluSight baseline.
  static func simulate(
    last: Double, differences: [Double], symmetrize: Bool, drift: Double, floor: Double,
    steps: Int, simulations: Int, generator: inout SplitMix64
  ) -> [[Double]] {
    let levels = QuantileLevels.hub
    guard steps > 0 else { return [] }
    let residuals = sortedResiduals(differences, symmetrize: symmetrize)
    guard !residuals.isEmpty else {
      return (1...steps).map { step in
        [Double](repeating: max(floor, last + Double(step) * drift), count: levels.count)
      }
    }
    let residualMedian = Quantile.type7(sorted: residuals, 0.5)
    let center = last + drift - residualMedian
    var out = [levels.map { max(floor, center + Quantile.type7(sorted: residuals, $0)) }]
    guard steps > 1 else { return out }
    walk(
      last: last, residuals: residuals, drift: drift, floor: floor, steps: steps, simulations: simulations,
      levels: levels, generator: &generator
    ) { step, _, ordered, shift in
      guard step > 1 else { return }
      out.append(levels.map { max(floor, Quantile.type7(sorted: ordered, $0) - shift) })
    }
    return out
  }

  /// The residual distribution: the differences, mirrored when symmetrised, sorted.
  private static func sortedResiduals(_ differences: [Double], symmetrize: Bool) -> [Double] {
    (symmetrize ? differences + differences.map { -$0 } : differences).sorted()
  }

  /// Runs the sample paths step by step, handing each step's paths, a copy of them with the
  /// order statistics of the median and, from step 2 on, of `levels` in place
  /// (`OrderStatistics`; step 1's quantiles are closed form), and the shift that puts their
  /// median on `last + step · drift` to `visit`. Without differences every path stays on the
  /// drift line. `residuals` is the sorted difference distribution (`sortedResiduals`).
  private static func walk(
    last: Double, residuals: [Double], drift: Double, floor: Double,
    steps: Int, simulations: Int, levels: [Double], generator: inout SplitMix64,
    visit: (_ step: Int, _ paths: [Double], _ ordered: [Double], _ shift: Double) -> Void
  ) {
    guard steps > 0 else { return }
    let count = max(simulations, 2)
    guard !residuals.isEmpty else {
      for step in 1...steps {
        let paths = [Double](repeating: max(floor, last + Double(step) * drift), count: count)
        visit(step, paths, paths, 0)
      }
      return
    }
    let denominator = Double(count - 1)
    var samples = (0..<count).map { Quantile.type7(sorted: residuals, Double($0) / denominator) }
    var paths = samples.map { max(floor, $0 + last) }
    let medianRanks = OrderStatistics.ranks(count: count, levels: [0.5])
    let ranks = OrderStatistics.ranks(count: count, levels: levels + [0.5])
    var ordered = paths
    OrderStatistics.select(&ordered, ranks: medianRanks)
    visit(1, paths, ordered, Quantile.type7(sorted: ordered, 0.5) - (last + drift))
    guard steps > 1 else { return }
    for step in 2...steps {
      generator.shuffle(&samples)
      for index in 0..<count { paths[index] += samples[index] }
      ordered = paths
      OrderStatistics.select(&ordered, ranks: ranks)
      visit(step, paths, ordered, Quantile.type7(sorted: ordered, 0.5) - (last + Double(step) * drift))
    }
  }
}
