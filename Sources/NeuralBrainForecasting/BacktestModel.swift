import NeuralBrainCore

/// A model under test in `Backtest.run`: the name its scores carry and how it forecasts a
/// batch of series (`(series, frequency, steps, seed) → [series][step − 1][23]`).
public struct BacktestModel: Sendable {
  public var name: String
  public var forecast:
    @Sendable (_ series: [[Double]], _ frequency: Frequency, _ steps: Int, _ seed: UInt64) -> [[[Double]]]

  public init(
    name: String,
    forecast:
      @escaping @Sendable (_ series: [[Double]], _ frequency: Frequency, _ steps: Int, _ seed: UInt64) -> [[[Double]]]
  ) {
    self.name = name
    self.forecast = forecast
  }

  /// The embedded local model, under its model id.
  public static func local(_ forecaster: LocalForecaster = LocalForecaster()) -> BacktestModel {
    BacktestModel(name: forecaster.modelID) { forecaster.forecast($0, frequency: $1, steps: $2, seed: $3) }
  }

  /// The FluSight baseline (docs/models.md §2) with `simulations` draws per series, under `name`.
  public static func flusightBaseline(name: String, simulations: Int) -> BacktestModel {
    BacktestModel(name: name) { series, _, steps, seed in
      series.map { FluSightBaseline.flusightBaseline($0, steps: steps, seed: seed, simulations: simulations) }
    }
  }
}
