import Foundation
import NeuralBrainCore
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainForecasting

/// Proof on real data (shared/data/README.md, "Reference numbers"): the scorers reproduce the
/// published FluSight 2023-24 numbers and the local model beats the baseline.
@Suite("FluSight 2023-24 skill", .enabled(if: FluSightData.isAvailable, "shared/data is absent"))
struct FluSightSkillTests {
  @Test("official baseline and ensemble files reproduce the reference WIS and coverage")
  func referenceNumbers() async throws {
    let summaries = try await Offload.run {
      let truth = try FluSightData.truth()
      let scored =
        try FluSightData.scoredHubModel("FluSight-baseline", truth: truth)
        + FluSightData.scoredHubModel("FluSight-ensemble", truth: truth)
      return Dictionary(
        uniqueKeysWithValues: Backtest.summarize(scored, baseline: "FluSight-baseline").map { ($0.model, $0) })
    }
    let baseline = try #require(summaries["FluSight-baseline"])
    let ensemble = try #require(summaries["FluSight-ensemble"])
    #expect(baseline.count == 5_716 && ensemble.count == 5_716)
    #expect(abs(baseline.meanWIS - 48.44) < 0.005)
    #expect(abs(baseline.coverage50 - 0.2817) < 0.0005 && abs(baseline.coverage95 - 0.8879) < 0.0005)
    #expect(abs(ensemble.meanWIS - 35.48) < 0.005)
    #expect(abs(ensemble.coverage50 - 0.5170) < 0.0005 && abs(ensemble.coverage95 - 0.9267) < 0.0005)
    #expect(ensemble.relativeWIS.map { abs($0 - 0.732) < 0.0005 } == true)
  }

  @Test("the local model beats FluSight-baseline by 15% with calibrated intervals")
  func localSkill() async throws {
    let forecaster = LocalForecaster()
    let summaries = try await Offload.run {
      let truth = try FluSightData.truth()
      let local = Backtest.run(
        origins: try FluSightData.origins(), truth: truth, model: .local(forecaster), steps: 4, seed: 20_231_014
      ).filter(FluSightData.isEvaluated)
      let scored = try FluSightData.scoredHubModel("FluSight-baseline", truth: truth) + local
      return Backtest.summarize(scored, baseline: "FluSight-baseline")
    }
    let summary = try #require(summaries.first { $0.model == forecaster.modelID })
    #expect(summary.count == 5_716)
    #expect(summary.relativeWIS.map { $0 <= 0.85 } == true, "relative WIS \(summary.relativeWIS ?? .nan)")
    #expect((0.45...0.55).contains(summary.coverage50), "50% coverage \(summary.coverage50)")
    #expect((0.90...0.96).contains(summary.coverage95), "95% coverage \(summary.coverage95)")
    for (horizon, slice) in summary.byHorizon {
      #expect(slice.relativeWIS.map { $0 < 1 } == true, "horizon \(horizon)")
    }
  }

  @Test("our FluSight-baseline re-implementation scores like the official files")
  func ownBaseline() async throws {
    let summaries = try await Offload.run {
      let truth = try FluSightData.truth()
      let own = Backtest.run(
        origins: try FluSightData.origins(), truth: truth,
        model: BacktestModel(name: "own-baseline") { series, _, steps, seed in
          series.enumerated().map {
            FluSightBaseline.flusightBaseline($1, steps: steps, seed: seed &+ UInt64($0), simulations: 2_000)
          }
        }, steps: 4, seed: 7
      ).filter(FluSightData.isEvaluated)
      let scored = try FluSightData.scoredHubModel("FluSight-baseline", truth: truth) + own
      return Backtest.summarize(scored, baseline: "FluSight-baseline")
    }
    let summary = try #require(summaries.first { $0.model == "own-baseline" })
    #expect(summary.relativeWIS.map { abs($0 - 1) < 0.02 } == true, "relative WIS \(summary.relativeWIS ?? .nan)")
  }
}
