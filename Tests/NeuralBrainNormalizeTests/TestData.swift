import Foundation
import NeuralBrainCore

/// Small hand-built datasets and forecasts for the normalizer tests.
enum TestData {
  static let lastObserved = Day(year: 2024, month: 1, day: 6)!
  static let now = Date(timeIntervalSince1970: 1_704_931_200)  // 2024-01-11T00:00:00Z

  static let alpha = Region(id: "alpha", code: "AL", name: "Alpha", population: 1_000_000)
  static let beta = Region(id: "beta", code: "BE", name: "Beta")

  static func provenance(asOf day: Day = lastObserved) -> Provenance {
    Provenance(
      source: "csv", sourceURL: "file:///data/test.csv", retrievedAt: now, dataAsOf: day,
      isSynthetic: true)
  }

  static func run() -> RunInfo {
    RunInfo(
      runID: "run-1", generatedAt: now, provider: "local", model: "local-ensemble-v1",
      method: "test method", fallbackUsed: false, provenance: provenance(), frequency: .weekly, seed: 7)
  }

  /// A series ending at `lastObserved`.
  static func series(
    _ region: Region, _ metric: Metric, _ values: [Double?], frequency: Frequency = .weekly
  ) -> IncidentSeries {
    let start = lastObserved.adding(days: -(values.count - 1) * frequency.days)
    return IncidentSeries(region: region, metric: metric, frequency: frequency, start: start, values: values)
  }

  /// 23 quantiles spread symmetrically around `median` with relative half-width `spread`.
  static func quantiles(median: Double, spread: Double = 0.5) -> [Double] {
    QuantileLevels.hub.map { level in max(0, median * (1 + spread * 2 * (level - 0.5))) }
  }

  /// A well-formed forecast of `series` with the given step medians.
  static func forecast(
    of series: IncidentSeries, medians: [Double], targets: ForecastTargets, spread: Double = 0.5
  ) -> SeriesForecast {
    SeriesForecast(
      regionID: series.region.id, metric: series.metric,
      referenceDate: targets.referenceDate(lastObserved: series.end),
      horizons: medians.enumerated().map { offset, median in
        HorizonForecast(
          horizon: targets.horizon(ofStep: offset + 1),
          targetEndDate: targets.targetEndDate(lastObserved: series.end, step: offset + 1),
          quantiles: quantiles(median: median, spread: spread))
      })
  }

  static func output(_ forecasts: [SeriesForecast]) -> ProviderOutput {
    ProviderOutput(provider: "local", model: "local-ensemble-v1", method: "test method", forecasts: forecasts)
  }

  /// A weekly dataset: Alpha with cases, deaths and hospital admissions; Beta with cases only.
  static func weekly() -> (dataset: Dataset, output: ProviderOutput, targets: ForecastTargets) {
    let targets = ForecastTargets(frequency: .weekly)
    let all = [
      series(alpha, .cases, [100, 110, nil, 130, 140]),
      series(alpha, .deaths, [1, 2, 2, 3, 3]),
      series(alpha, .hospitalizations, [10, 12, 14, 16, 20]),
      series(beta, .cases, [50, 40, 30, 20, 10]),
    ]
    let medians: [Metric: [Double]] = [
      .cases: [150, 160, 170, 180], .deaths: [3, 4, 4, 5],
      .hospitalizations: [24, 28, 32, 36],
    ]
    let forecasts = all.map { series in
      forecast(
        of: series, medians: series.region == beta ? [8, 6, 5, 4] : medians[series.metric, default: []],
        targets: targets)
    }
    let dataset = Dataset(provenance: provenance(), frequency: .weekly, regions: [beta, alpha], series: all)
    return (dataset, output(forecasts.reversed()), targets)
  }
}
