import NeuralBrainCore

/// Rolling-origin evaluation of `local` on daily series (JHU, OWID, a daily CSV), against the
/// flat baseline the COVID-19 Forecast Hub ran on daily data (COVIDhub-baseline: the last day,
/// symmetrised one-day changes of the whole history, sample paths summed for weekly targets).
///
/// At each origin O the models see the series up to O − 1 day only, forecast days 1…`days`
/// ahead and are scored per day (horizon = days ahead) and on the 7-day totals of those days
/// (horizon = weeks ahead). Explosions are counted: 97.5% quantiles above a multiple of the
/// largest day of the `recentDays` before the origin. Pure; callers load the data.
public struct DailyBacktest: Sendable {
  /// One region's final daily series (the truth) and its population when known.
  public struct Series: Sendable {
    public var regionID: String
    public var start: Day
    /// Incident counts, one per day from `start`, gaps already filled.
    public var values: [Double]
    public var population: Double?

    public init(regionID: String, start: Day, values: [Double], population: Double?) {
      self.regionID = regionID
      self.start = start
      self.values = values
      self.population = population
    }

    /// A dataset's series as truth: its gap-filled values and its region's population.
    public init(_ series: IncidentSeries) {
      self.init(
        regionID: series.region.id, start: series.start, values: series.filledValues,
        population: series.region.population)
    }

    /// The values observed before `origin`.
    func history(before origin: Day) -> [Double] {
      Array(values.prefix(max(0, min(values.count, origin - start))))
    }

    /// The value of `day`, if the series reaches it.
    func value(on day: Day) -> Double? {
      let index = day - start
      return index >= 0 && index < values.count ? values[index] : nil
    }
  }

  /// Name of the flat daily baseline in scores and tables.
  public static let baselineModel = "flat-baseline-daily"
  /// The multiples of the recent maximum whose exceedance by a 97.5% quantile is counted.
  public static let explosionMultiples: [Double] = [50, 100]

  public var days: Int
  /// Days before the origin whose largest value is the "recent maximum".
  public var recentDays: Int
  /// Shortest history (days) a series needs at an origin to be forecast.
  public var minimumHistory: Int
  public var seed: UInt64
  public var forecaster: LocalForecaster
  /// Sample paths of the flat baseline (10,000 as the hubs ran it).
  public var baselineSimulations: Int
  /// Whether the 7-day totals are forecast and scored too (they cost a second forecast).
  public var scoresTotals = true

  public init(
    days: Int = 28, recentDays: Int = 56, minimumHistory: Int = 28, seed: UInt64 = 20_231_014,
    forecaster: LocalForecaster = LocalForecaster(), baselineSimulations: Int = FluSightBaseline.defaultSimulations
  ) {
    self.days = days
    self.recentDays = recentDays
    self.minimumHistory = minimumHistory
    self.seed = seed
    self.forecaster = forecaster
    self.baselineSimulations = baselineSimulations
  }

  /// Scores per day and per 7-day total, and the explosion counts.
  public struct Outcome: Sendable {
    /// Horizon = days ahead (1…days).
    public var daily: [ScoredForecast]
    /// Horizon = weeks ahead (1…days/7), scored on 7-day totals.
    public var weekly: [ScoredForecast]
    /// Number of `local` daily 97.5% quantiles above each of `explosionMultiples` × the recent
    /// maximum, and how often the truth itself went that high.
    public var explosions: [Explosion]
    /// The largest ratio of a `local` daily 97.5% quantile to its recent maximum.
    public var largestRatio: Double
    /// `local` daily forecasts looked at.
    public var forecastDays: Int
  }

  /// How many forecasts, and observations, exceeded `multiple` × the recent maximum.
  public struct Explosion: Sendable, Hashable, Codable {
    public var multiple: Double
    public var forecasts: Int
    public var observations: Int
  }

  /// Forecasts every series at every origin with both models and scores them.
  public func run(_ series: [Series], origins: [Day]) -> Outcome {
    var outcome = Outcome(
      daily: [], weekly: [],
      explosions: Self.explosionMultiples.map { Explosion(multiple: $0, forecasts: 0, observations: 0) },
      largestRatio: 0, forecastDays: 0)
    let weeks = days / 7
    for origin in origins {
      let members = series.filter { $0.history(before: origin).count >= minimumHistory }
      guard !members.isEmpty else { continue }
      let histories = members.map { $0.history(before: origin) }
      let populations = members.map(\.population)
      let local = forecaster.forecast(histories, frequency: .daily, steps: days, seed: seed, populations: populations)
      let localWeeks =
        scoresTotals
        ? forecaster.forecastWeeklyTotals(histories, weeks: weeks, seed: seed, populations: populations) : []
      let last = origin.adding(days: -1)
      for (index, member) in members.enumerated() {
        let history = histories[index]
        let flat = FluSightBaseline.flusightBaseline(
          history, steps: days, seed: seed &+ UInt64(index), simulations: baselineSimulations)
        let flatWeeks =
          scoresTotals
          ? FluSightBaseline.blockTotals(
            history, blocks: weeks, seed: seed &+ UInt64(index), simulations: baselineSimulations) : []
        let recentMaximum = max(history.suffix(recentDays).max() ?? 0, 1)
        for step in 1...days {
          let target = last.adding(days: step)
          guard let observed = member.value(on: target) else { continue }
          let quantiles = local[index][step - 1]
          outcome.daily.append(score(forecaster.modelID, member, origin, step, target, observed, quantiles))
          outcome.daily.append(score(Self.baselineModel, member, origin, step, target, observed, flat[step - 1]))
          outcome.forecastDays += 1
          let ratio = quantiles[QuantileLevels.hub.count - 2] / recentMaximum
          outcome.largestRatio = max(outcome.largestRatio, ratio)
          for position in outcome.explosions.indices {
            let multiple = outcome.explosions[position].multiple
            if ratio > multiple { outcome.explosions[position].forecasts += 1 }
            if observed / recentMaximum > multiple { outcome.explosions[position].observations += 1 }
          }
        }
        for week in 1...max(weeks, 1) where weeks > 0 && scoresTotals {
          let targets = (1...7).map { last.adding(days: (week - 1) * 7 + $0) }
          let values = targets.compactMap { member.value(on: $0) }
          guard values.count == 7, let end = targets.last else { continue }
          let total = values.reduce(0, +)
          outcome.weekly.append(
            score(forecaster.modelID, member, origin, week, end, total, localWeeks[index][week - 1]))
          outcome.weekly.append(score(Self.baselineModel, member, origin, week, end, total, flatWeeks[week - 1]))
        }
      }
    }
    return outcome
  }

  private func score(
    _ model: String, _ series: Series, _ origin: Day, _ horizon: Int, _ target: Day, _ observed: Double,
    _ quantiles: [Double]
  ) -> ScoredForecast {
    ScoredForecast(
      model: model, regionID: series.regionID, referenceDate: origin, horizon: horizon, targetEndDate: target,
      observed: observed, quantiles: quantiles)
  }
}
