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
}

/// What to forecast: which steps ahead and how the hubs label them.
///
/// Weekly data follow the hubs: the reference date is one week after the last observation and
/// horizons 0…3 end 1…4 weeks after it. Daily data use horizons 1…H days after the last
/// observation.
public struct ForecastTargets: Hashable, Codable, Sendable {
  public var frequency: Frequency
  /// Number of steps ahead of the last observation (4 weekly, 28 daily by default).
  public var steps: Int

  public init(frequency: Frequency, steps: Int? = nil) {
    self.frequency = frequency
    self.steps = steps ?? (frequency == .weekly ? 4 : 28)
  }

  /// The hub horizon label of `step` (1-based steps ahead).
  public func horizon(ofStep step: Int) -> Int { frequency == .weekly ? step - 1 : step }

  /// The hub reference date for data whose last observation is `lastObserved`.
  public func referenceDate(lastObserved: Day) -> Day {
    frequency == .weekly ? lastObserved.adding(days: 7) : lastObserved
  }

  /// The end date of `step`.
  public func targetEndDate(lastObserved: Day, step: Int) -> Day {
    lastObserved.adding(days: step * frequency.days)
  }
}

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

/// A probabilistic forecast of one region and metric.
public struct SeriesForecast: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case regionID = "region_id"
    case metric
    case referenceDate = "reference_date"
    case horizons
    case nextPeriod = "next_period"
  }
  public var regionID: String
  public var metric: Metric
  public var referenceDate: Day
  public var horizons: [HorizonForecast]
  /// Daily data: the provider's own distribution of the next 7 days' total, when it has one
  /// (the embedded model and the hosted prompts forecast 7-day totals first). Nil otherwise:
  /// `HorizonForecast.nextPeriod(of:frequency:)` then sums the days level by level.
  public var nextPeriod: HorizonForecast?

  public init(
    regionID: String, metric: Metric, referenceDate: Day, horizons: [HorizonForecast], nextPeriod: HorizonForecast? = nil
  ) {
    self.regionID = regionID
    self.metric = metric
    self.referenceDate = referenceDate
    self.horizons = horizons
    self.nextPeriod = nextPeriod
  }
}

/// What a provider is asked to forecast in one run.
public struct ForecastRequest: Sendable {
  public var dataset: Dataset
  public var targets: ForecastTargets
  public var seed: UInt64
  public var runID: String

  public init(dataset: Dataset, targets: ForecastTargets, seed: UInt64, runID: String) {
    self.dataset = dataset
    self.targets = targets
    self.seed = seed
    self.runID = runID
  }
}

/// Everything one provider returned for one run, before normalization.
public struct ProviderOutput: Sendable, Hashable {
  /// The provider's configured name (`local`, `openai`, …).
  public var provider: String
  /// The model id, e.g. `gpt-4.1-mini` or `local-ensemble-v3`.
  public var model: String
  /// Method text or prompt version, shown on pages.
  public var method: String
  public var forecasts: [SeriesForecast]
  /// Tokens the vendor reported for this output's requests; nil for `local`.
  public var usage: TokenUsage?

  public init(provider: String, model: String, method: String, forecasts: [SeriesForecast], usage: TokenUsage? = nil) {
    self.provider = provider
    self.model = model
    self.method = method
    self.forecasts = forecasts
    self.usage = usage
  }
}
