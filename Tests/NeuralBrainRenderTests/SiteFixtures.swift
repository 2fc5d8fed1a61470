import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainPipeline
import NeuralBrainTestSupport

@testable import NeuralBrainRender

/// Deterministic site content built in code, with a fixed clock.
enum SiteFixtures {
  /// 2026-11-29T01:00:00Z.
  static let now = Date(timeIntervalSince1970: Double(lastObserved.adding(days: 8).ordinal * 86_400 + 3_600))
  static let lastObserved = Day(year: 2026, month: 11, day: 21)!

  static let templates = PackagePaths.root.appendingPathComponent("templates")
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static func run(
    synthetic: Bool = true, stale: Bool = false, fallback: Bool = false, model: String = "local-ensemble-v1"
  ) -> RunInfo {
    RunInfo(
      runID: "20261129T010000Z-0001", generatedAt: now, provider: "local", model: model,
      method: "seasonal-naive + damped trend ensemble", fallbackUsed: fallback,
      provenance: Provenance(
        source: "demo", sourceURL: "demo:seed=42", retrievedAt: now, dataAsOf: lastObserved,
        isSynthetic: synthetic, license: "synthetic, CC0"),
      frequency: .weekly, seed: 42, isStale: stale, notes: ["Corrected a decrease in beta cases on 2026-10-31."])
  }

  /// Weekly forecast of one metric: 8 observed weeks (one missing), 4 horizons.
  static func metricForecast(_ metric: Metric, level: Double, growth: Double) -> MetricForecast {
    let recent = (0..<8).map { index -> DatedValue in
      let date = lastObserved.adding(days: (index - 7) * 7)
      let value = index == 3 ? nil : (level * pow(growth, Double(index - 7))).rounded()
      return DatedValue(date: date, value: value)
    }
    let targets = ForecastTargets(frequency: .weekly)
    let horizons = (1...targets.steps).map { step -> HorizonForecast in
      let median = level * pow(growth, Double(step))
      let quantiles = QuantileLevels.hub.map { median * (0.4 + 1.2 * $0) }
      return HorizonForecast(
        horizon: targets.horizon(ofStep: step),
        targetEndDate: targets.targetEndDate(lastObserved: lastObserved, step: step), quantiles: quantiles)
    }
    return MetricForecast(
      metric: metric, frequency: .weekly, referenceDate: targets.referenceDate(lastObserved: lastObserved),
      recent: recent, horizons: horizons)
  }

  /// A daily metric: 35 reported days with a weekday pattern (weekends low), one day missing,
  /// and 28 daily horizons.
  static func dailyMetricForecast(_ metric: Metric, level: Double) -> MetricForecast {
    let recent = (0..<35).map { index -> DatedValue in
      let date = lastObserved.adding(days: index - 34)
      let weekday = [0.6, 1.1, 1.2, 1.1, 1.0, 1.2, 0.8][index % 7]
      return DatedValue(date: date, value: index == 20 ? nil : (level * weekday).rounded())
    }
    let targets = ForecastTargets(frequency: .daily)
    let horizons = (1...targets.steps).map { step -> HorizonForecast in
      HorizonForecast(
        horizon: targets.horizon(ofStep: step),
        targetEndDate: targets.targetEndDate(lastObserved: lastObserved, step: step),
        quantiles: QuantileLevels.hub.map { level * (0.5 + $0) })
    }
    return MetricForecast(
      metric: metric, frequency: .daily, referenceDate: targets.referenceDate(lastObserved: lastObserved),
      recent: recent, horizons: horizons)
  }

  static func forecast(
    name: String, code: String, level: Double, growth: Double, risk: RiskLevel, run: RunInfo = run()
  ) -> ForecastData {
    let region = Region(code: code, name: name, population: 1_250_000)
    let derived = DerivedMetrics(
      primaryMetric: .cases, confidenceScore: 0.72, riskLevel: risk,
      riskScore: risk == .red ? 81.5 : risk == .yellow ? 48.25 : 12.0, outbreakProbability: 0.375,
      trend: growth > 1.05 ? .increasing : growth < 0.95 ? .decreasing : .stable,
      trendDetail: growth > 1.05 ? .increase : growth < 0.95 ? .decrease : .stable,
      growthRate: log(growth), volatility: 0.125, incidencePer100k: level / 12.5)
    return ForecastData(
      runID: run.runID, region: region, actualCases: level * 40, actualDeaths: level / 2,
      forecastedCases: (1...4).map { DayValue(day: $0 * 7, value: level * 40 + Double($0) * level) },
      forecastedDeaths: nil, derived: derived, timestamp: run.generatedAt, provider: run.provider,
      model: run.model, method: run.method, provenance: run.provenance,
      metrics: [
        metricForecast(.cases, level: level, growth: growth),
        metricForecast(.deaths, level: level / 50, growth: growth),
      ])
  }

  static func content(
    regionName: String = "Beta Province", run: RunInfo = run(),
    previous: [String: RiskLevel] = [:], evaluation: [EvaluationRow] = [], baseURL: String? = nil
  ) -> SiteContent {
    let forecasts = [
      forecast(name: "Alpha County", code: "AL", level: 1_250, growth: 1.18, risk: .red, run: run),
      forecast(name: regionName, code: "BE", level: 430, growth: 0.9, risk: .yellow, run: run),
      forecast(name: "Gamma City", code: "GA", level: 75.5, growth: 1.0, risk: .green, run: run),
    ]
    let history = [
      FeedEntry(
        runID: "20261128T010000Z-0001", generatedAt: now.addingTimeInterval(-86_400),
        provider: "openai", summary: "3 regions: 0 RED, 2 YELLOW, 1 GREEN.")
    ]
    return SiteContent(
      run: run, forecasts: forecasts, previousRiskLevels: previous, evaluation: evaluation,
      baseURL: baseURL, history: history)
  }

  static func renderer() throws -> SiteRenderer {
    try TemplateLocator(fileSystem: LocalFileSystem()).renderer(templates)
  }

  /// Rendered files by path.
  static func files(_ content: SiteContent) throws -> [String: String] {
    let files = try renderer().render(content)
    return Dictionary(
      uniqueKeysWithValues: files.map { ($0.path.description, String(decoding: $0.contents, as: UTF8.self)) })
  }
}
