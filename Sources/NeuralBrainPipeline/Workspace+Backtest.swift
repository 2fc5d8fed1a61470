import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainForecasting
import NeuralBrainIngest

extension Workspace {
  /// Runs the rolling-origin evaluation `request` describes, keeps every scored forecast in the
  /// state database (evaluation `backtest`) and returns the tables and targets.
  public func backtest(_ request: BacktestRequest) async throws -> BacktestResult {
    guard let first = Day(iso: request.from), let last = Day(iso: request.to),
      let kind = SourceKind(rawValue: request.source)
    else { throw WorkspaceError.invalidRequest(request.problem ?? "--from and --to must be dates (YYYY-MM-DD)") }
    let database = try database()
    let local = LocalForecaster().modelID
    guard kind != .hub else {
      let origins: HubBacktest.Vintages =
        request.archive.map { .archive($0, lag: request.archiveLag) }
        ?? (request.vintages == "store" ? .store : .truncatedTruth)
      let backtest = HubBacktest(
        truthFile: request.inputs.first ?? "", vintages: origins,
        referenceDates: stride(from: 0, through: last - first, by: 7).map { first.adding(days: $0) },
        compare: request.compare, target: request.target, exclude: request.exclude,
        maxTargetDate: request.maxTargetDate.flatMap { Day(iso: $0) }, seed: request.seed, baseline: request.baseline,
        scale: ScoringScale(rawValue: request.scale) ?? .natural, environment: environment)
      let outcome = try backtest.run(database: database)
      try HubBacktest.store(outcome.scored, scale: backtest.scale, in: database)
      return .weekly(
        BacktestResult.WeeklyReport(
          baseline: outcome.baseline, scale: outcome.scale, models: outcome.summaries,
          targets: outcome.summaries.first { $0.model == local }.map(SkillTarget.weekly) ?? []))
    }
    var options = SourceOptions(kind: kind)
    options.inputs = request.inputs
    let backtest = DailySourceBacktest(
      source: options,
      origins: stride(from: 0, through: last - first, by: request.every).map { first.adding(days: $0) },
      top: request.top, metrics: request.metrics.isEmpty ? nil : request.metrics.compactMap(MetricName.parse),
      backtest: DailyBacktest(seed: request.seed),
      now: kind == .demo ? last.adding(days: 29).startDate : environment.clock.now(), environment: environment)
    let outcomes = try await backtest.run()
    try HubBacktest.store(outcomes.flatMap(\.scored), in: database)
    return .daily(
      outcomes.map { outcome in
        BacktestResult.DailyReport(
          metric: outcome.metric, regions: outcome.regions, baseline: DailyBacktest.baselineModel,
          perDay: outcome.daily, sevenDayTotals: outcome.weekly, explosions: outcome.explosions,
          largestRatio: outcome.largestRatio,
          targets: outcome.daily.first { $0.model == local }.map {
            SkillTarget.daily($0, explosions: outcome.explosions)
          } ?? [])
      })
  }
}
