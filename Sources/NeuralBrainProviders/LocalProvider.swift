import NeuralBrainCore
import NeuralBrainForecasting

/// The embedded statistical models as a provider: no network, no key, always healthy. It ends
/// every chain that lists it, so a run with `local` always completes.
public struct LocalProvider: ForecastProvider {
  /// The name `local` has in provider lists, the lock and run records.
  public static let providerName = "local"
  public let name = Self.providerName
  public let forecaster: LocalForecaster

  public init(forecaster: LocalForecaster = .init()) {
    self.forecaster = forecaster
  }

  public var model: String { forecaster.modelID }

  public func forecast(
    _ request: ForecastRequest, outcomes: any RequestOutcomeHandler
  ) async throws(ProviderFailure) -> ProviderOutput {
    let jobs = SeriesJob.jobs(for: request)
    let forecast = forecaster.forecastWithTotals(
      jobs.map(\.values), frequency: request.targets.frequency, steps: request.targets.steps, seed: request.seed,
      populations: jobs.map(\.series.region.population))
    return ProviderOutput(
      provider: name, model: model, method: forecaster.methodDescription,
      forecasts: jobs.indices.map { index in
        jobs[index].forecast(quantiles: forecast.steps[index], nextWeek: forecast.totals?[index].first)
      })
  }

  public func checkHealth() async -> HealthStatus {
    HealthStatus(provider: name, healthy: true, latencyMilliseconds: 0)
  }
}
