import NeuralBrainCore
import NeuralBrainForecasting
import NeuralBrainRender
import Testing

@testable import NeuralBrainPipeline

@Suite("Evaluation rows")
struct SiteEvaluationTests {
  /// A score with WIS `wis` (observed 10, absolute error as WIS).
  static func score(_ model: String, region: String, horizon: Int, wis: Double) -> ScoredForecast {
    ScoredForecast(
      model: model, regionID: region, referenceDate: Day(iso: "2022-01-01")!, horizon: horizon,
      targetEndDate: Day(iso: "2022-01-08")!, observed: 10, wis: wis, absoluteError: wis, covered50: true,
      covered95: true)
  }

  @Test("each metric is summarized on its own, against its own baseline; 28 daily horizons get no rows of their own")
  func perMetric() {
    var scores: [ScoredForecast] = []
    for horizon in 1...28 {
      scores.append(Self.score("local-ensemble-v3 · cases", region: "a/cases", horizon: horizon, wis: 500))
      scores.append(Self.score("flat-baseline-daily · cases", region: "a/cases", horizon: horizon, wis: 1_000))
      scores.append(Self.score("local-ensemble-v3 · deaths", region: "a/deaths", horizon: horizon, wis: 3))
      scores.append(Self.score("flat-baseline-daily · deaths", region: "a/deaths", horizon: horizon, wis: 4))
    }
    let rows = SiteEvaluation.perMetric(scores, prefix: "backtest: ", perHorizon: true)
    #expect(rows.count == 4)
    #expect(rows.allSatisfy { $0.horizon == nil })
    let relative = Dictionary(uniqueKeysWithValues: rows.map { ($0.model, $0.relativeWIS ?? .nan) })
    #expect(abs((relative["backtest: local-ensemble-v3 · cases"] ?? .nan) - 0.5) < 1e-12)
    #expect(abs((relative["backtest: local-ensemble-v3 · deaths"] ?? .nan) - 0.75) < 1e-12)
    #expect(abs((relative["backtest: flat-baseline-daily · deaths"] ?? .nan) - 1) < 1e-12)
  }

  @Test("a hub backtest (one metric, unnamed) keeps its rows per horizon")
  func hubBacktest() {
    let scores = (0...3).flatMap { horizon in
      [
        Self.score("local-ensemble-v3", region: "06", horizon: horizon, wis: 8),
        Self.score("FluSight-baseline", region: "06", horizon: horizon, wis: 10),
      ]
    }
    let rows = SiteEvaluation.perMetric(scores, prefix: "backtest: ", perHorizon: true)
    #expect(rows.count == 2 * 5)
    let overall = rows.first { $0.model == "backtest: local-ensemble-v3" && $0.horizon == nil }
    #expect(abs((overall?.relativeWIS ?? 0) - 0.8) < 1e-12)
  }

  @Test("over time: one row per metric, reference date and model, relative to that date's flat baseline")
  func overTime() {
    func score(_ model: String, date: String, wis: Double, covered: Bool = true) -> ScoredForecast {
      ScoredForecast(
        model: model, regionID: "a/cases", referenceDate: Day(iso: date)!, horizon: 0,
        targetEndDate: Day(iso: date)!, observed: 10, wis: wis, absoluteError: wis, covered50: covered,
        covered95: true)
    }
    let published = [
      score("local/local-ensemble-v3 · cases", date: "2026-11-07", wis: 6, covered: false),
      score("local/local-ensemble-v3 · cases", date: "2026-11-14", wis: 12),
    ]
    let recent = [
      score("flat baseline · cases", date: "2026-11-07", wis: 8),
      score("flat baseline · cases", date: "2026-11-14", wis: 8),
      score("local-ensemble-v3 · cases", date: "2026-11-14", wis: 4),
    ]
    let rows = SiteEvaluation.overTime(published: published, recent: recent)
    #expect(
      rows.map { $0.referenceDate?.iso ?? "" } == [
        "2026-11-07", "2026-11-07", "2026-11-14", "2026-11-14", "2026-11-14",
      ])
    let first = rows.first { $0.model == "local/local-ensemble-v3 · cases" && $0.referenceDate?.iso == "2026-11-07" }
    #expect(first?.meanWIS == 6)
    #expect(first?.coverage50 == 0)
    #expect(abs((first?.relativeWIS ?? .nan) - 0.75) < 1e-12)
    let baseline = rows.first {
      $0.model == "recent backtest: flat baseline · cases" && $0.referenceDate?.iso == "2026-11-14"
    }
    #expect(abs((baseline?.relativeWIS ?? .nan) - 1) < 1e-12)
    #expect(rows.allSatisfy { $0.horizon == nil })
  }
}
