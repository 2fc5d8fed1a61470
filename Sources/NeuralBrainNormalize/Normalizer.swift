import NeuralBrainCore

/// Turns one provider's raw output into the authoritative ForecastData schema, or rejects it.
///
/// Exists so that every provider, hosted or local, publishes through one validated path: the
/// same checks, the same seed-schema fields and the same derived-metric formulas
/// (docs/methodology.md).
public struct Normalizer: Sendable {
  public var configuration: Configuration

  public init(configuration: Configuration = .init()) {
    self.configuration = configuration
  }

  /// One `ForecastData` per region of `dataset`, sorted by region name then id: `validate`,
  /// then `derive`.
  public func normalize(
    _ output: ProviderOutput, dataset: Dataset, targets: ForecastTargets, run: RunInfo,
    calibration: [String: Double] = [:]
  ) throws(NormalizeError) -> [ForecastData] {
    derive(try validate(output, dataset: dataset, targets: targets), run: run, calibration: calibration)
  }

  /// Checks a provider's output against the dataset and targets.
  ///
  /// - Throws: `NormalizeError.invalidOutput(...)` (a message naming region, metric, horizon and
  ///   what is wrong) when the output is missing a series the dataset has, has the wrong
  ///   horizons/dates for `targets`, non-finite or negative values, non-monotone quantiles, the
  ///   wrong number of quantiles (must be 23), or a median above the sanity cap; or when a region
  ///   of the dataset has no series to forecast.
  public func validate(
    _ output: ProviderOutput, dataset: Dataset, targets: ForecastTargets
  ) throws(NormalizeError) -> ValidatedOutput {
    let validator = OutputValidator(provider: output.provider, configuration: configuration)
    let forecasts = try validator.validate(output, dataset: dataset, targets: targets)
    let metrics = Dictionary(grouping: dataset.series, by: \.region.id).mapValues { $0.map(\.metric) }
    for region in dataset.regions where DerivedMetricsCalculator.primaryMetric(of: metrics[region.id] ?? []) == nil {
      throw .invalidOutput(
        provider: output.provider,
        message: "region \"\(region.name)\" (\(region.id)): the dataset has no series for it, "
          + "so there is nothing to forecast; drop the region at ingest")
    }
    return ValidatedOutput(output: output, dataset: dataset, targets: targets, forecasts: forecasts)
  }

  /// The published forecasts of validated output: seed-schema fields, derived metrics and the
  /// quantiles of every series, one `ForecastData` per region sorted by region name then id.
  ///
  /// - Parameter calibration: provider name → that provider's recent empirical coverage of its
  ///   95% intervals, when known.
  public func derive(_ validated: ValidatedOutput, run: RunInfo, calibration: [String: Double] = [:]) -> [ForecastData]
  {
    let output = validated.output
    let dataset = validated.dataset
    let targets = validated.targets
    let forecasts = validated.forecasts
    let regions = dataset.regions.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    let seriesByRegion = Dictionary(grouping: dataset.series, by: \.region.id)
    // Each region on its own, on every core; the regions stay in name order.
    return regions.concurrentMap { region -> ForecastData? in
      let series = (seriesByRegion[region.id] ?? []).sorted { $0.metric < $1.metric }
      // `validate` refused datasets with a region without series.
      guard let primary = DerivedMetricsCalculator.primaryMetric(of: series.map(\.metric)),
        let primarySeries = series.first(where: { $0.metric == primary })
      else { return nil }
      func horizons(of metric: Metric) -> [HorizonForecast] {
        forecasts[SeriesKey(regionID: region.id, metric: metric)]?.horizons ?? []
      }
      func nextPeriod(of metric: Metric) -> HorizonForecast? {
        dataset.frequency == .daily
          ? forecasts[SeriesKey(regionID: region.id, metric: metric)]?.nextPeriod : nil
      }
      var located = primarySeries
      located.region = region
      let derived = DerivedMetricsCalculator.compute(
        series: located, horizons: horizons(of: primary), nextPeriod: nextPeriod(of: primary),
        calibration: calibration[output.provider], configuration: configuration)
      func path(_ metric: Metric) -> (actual: Double?, forecast: [DayValue]?) {
        guard let observed = series.first(where: { $0.metric == metric }) else { return (nil, nil) }
        return (
          observed.total,
          CumulativePath.make(total: observed.total, horizons: horizons(of: metric), frequency: dataset.frequency)
        )
      }
      let cases = path(.cases)
      let deaths = path(.deaths)
      return ForecastData(
        runID: run.runID, region: region, actualCases: cases.actual, actualDeaths: deaths.actual,
        forecastedCases: cases.forecast, forecastedDeaths: deaths.forecast, derived: derived,
        timestamp: run.generatedAt, provider: output.provider, model: output.model,
        method: output.method, provenance: dataset.provenance,
        metrics: series.map {
          metricForecast(
            $0, target: dataset.targetName(of: $0.metric), horizons: horizons(of: $0.metric),
            nextPeriod: nextPeriod(of: $0.metric), targets: targets)
        })
    }.compactMap { $0 }
  }

  /// The published quantile forecast of one series with its last observations (gaps kept).
  private func metricForecast(
    _ series: IncidentSeries, target: String, horizons: [HorizonForecast], nextPeriod: HorizonForecast?,
    targets: ForecastTargets
  ) -> MetricForecast {
    let count = min(series.values.count, configuration.recentPoints(for: series.frequency))
    let first = series.values.count - count
    let recent = (first..<series.values.count).map { DatedValue(date: series.date(at: $0), value: series.values[$0]) }
    var forecast = MetricForecast(
      metric: series.metric, frequency: series.frequency,
      referenceDate: targets.referenceDate(lastObserved: series.end), recent: recent,
      horizons: horizons.map(PublishedPrecision.round), nextPeriod: nextPeriod.map(PublishedPrecision.round))
    forecast.target = target
    return forecast
  }
}
