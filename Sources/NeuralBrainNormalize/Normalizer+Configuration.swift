import NeuralBrainCore

extension Normalizer {
  /// The thresholds of the normalizer and of the derived metrics, in one value so that a run's
  /// choices are explicit, comparable and documented (docs/methodology.md gives the reasons).
  public struct Configuration: Sendable, Hashable {
    /// Relative rise over the last observed period that counts as an outbreak (0.2 = +20%).
    public var outbreakMargin: Double = 0.2
    /// Lowest risk score that is YELLOW.
    public var yellowFrom: Double = 40
    /// Lowest risk score that is RED.
    public var redFrom: Double = 70
    /// A step's median may be at most this multiple of the recent maximum observation.
    public var sanityCapMultiple: Double = 10
    /// The recent maximum used by the sanity cap is at least this many counts, so a series of
    /// zeros can still be forecast to rise a little.
    public var sanityCapFloor: Double = 10
    /// Observations shown as `recent` (and searched for the recent maximum) for weekly data.
    public var recentWeeklyPoints: Int = 26
    /// Observations shown as `recent` (and searched for the recent maximum) for daily data.
    public var recentDailyPoints: Int = 84
    /// Weekly log growths whose standard deviation is the volatility.
    public var volatilityWeeks: Int = 8
    /// Weekly incidence per 100k at which the level index is 0.5, per metric.
    public var levelReferencePer100k: [Metric: Double] = [
      .cases: 100, .hospitalizations: 5, .deaths: 1,
    ]
    /// Without a population the level is relative to the series' own recent maximum, scaled down
    /// below these weekly counts, so a region cannot be RED on a tiny absolute count.
    public var relativeLevelFloor: [Metric: Double] = [
      .cases: 1_000, .hospitalizations: 100, .deaths: 50,
    ]
    /// Weight of the level index in the risk score.
    public var levelWeight: Double = 0.6
    /// Weight of the growth index: 0.39, not 0.4, so that growth alone (a surge from nothing)
    /// tops out at 39, below YELLOW even after the score is rounded for display.
    public var growthWeight: Double = 0.39
    /// Weekly log growth that moves the growth index from 0.5 to 1/(1+e⁻¹) ≈ 0.73.
    public var growthScale: Double = 0.2
    /// |median weekly log growth| below which the trend is stable (relative thresholds).
    public var stableGrowth: Double = 0.1
    /// |median weekly log growth| from which a change is large (relative thresholds).
    public var largeGrowth: Double = 0.4
    /// |median count change| over one period below which the trend is stable.
    public var minimumCountChange: Double = 10
    /// |rate change per 100k| below which hospital admissions are stable (FluSight horizon 0).
    public var stableRateChangePer100k: Double = 1
    /// |rate change per 100k| from which a hospital-admission change is large (FluSight horizon 0).
    public var largeRateChangePer100k: Double = 2
    /// The nominal coverage of the central 95% interval, against which calibration is judged.
    public var nominalCoverage: Double = 0.95

    public init() {}

    /// Number of `recent` observations kept for a series of `frequency`.
    public func recentPoints(for frequency: Frequency) -> Int {
      frequency == .weekly ? recentWeeklyPoints : recentDailyPoints
    }

    /// Number of weekly totals the recent window spans (26 weekly points, 84 days = 12 weeks).
    public func recentWeeks(for frequency: Frequency) -> Int {
      max(1, recentPoints(for: frequency) * frequency.days / 7)
    }
  }
}
