import NeuralBrainCore
import NeuralBrainForecasting

/// One series of a request prepared for forecasting: its gap-filled values and the dates of the
/// horizons asked for. Shared by every provider so they all forecast the same set in the same order.
struct SeriesJob: Sendable {
  var series: IncidentSeries
  /// Gap-filled values (never empty).
  var values: [Double]
  var targets: ForecastTargets

  /// The request's series that have at least one observation, in dataset order.
  static func jobs(for request: ForecastRequest) -> [SeriesJob] {
    request.dataset.series.compactMap { series in
      let values = series.filledValues
      return values.isEmpty ? nil : SeriesJob(series: series, values: values, targets: request.targets)
    }
  }

  var lastObserved: Day { series.end }

  /// Target end dates of steps 1…N.
  var horizonDates: [Day] {
    (1...max(targets.steps, 1)).map { targets.targetEndDate(lastObserved: lastObserved, step: $0) }
  }

  /// Hosted models are asked for 7-day totals of daily data, as the hubs score them: a reply of
  /// 28 daily rows of quantiles runs to 6–7k characters, past most vendors' default output cap,
  /// while four weekly rows stay under 1,000 tokens. The totals are spread over the days exactly
  /// as `local` spreads its own.
  var asksWeeklyTotals: Bool { targets.frequency == .daily }

  /// The end dates of the periods a hosted model is asked for, in order.
  var askedPeriodEnds: [Day] {
    guard asksWeeklyTotals else { return horizonDates }
    return (1...max(LocalForecaster.weeks(coveringDays: targets.steps), 1)).map { lastObserved.adding(days: 7 * $0) }
  }

  /// Wraps per-step quantile rows (23 values each) as the series' forecast.
  /// The forecast of this series from `quantiles[step-1][23]`; for daily data `nextWeek` (the
  /// quantiles of the next 7 days' total, when the provider forecast it) becomes `nextPeriod`.
  func forecast(quantiles: [[Double]], nextWeek: [Double]? = nil) -> SeriesForecast {
    let days = HorizonForecast.daysPerPeriod
    return SeriesForecast(
      regionID: series.region.id,
      metric: series.metric,
      referenceDate: targets.referenceDate(lastObserved: lastObserved),
      horizons: quantiles.enumerated().map { index, row in
        HorizonForecast(
          horizon: targets.horizon(ofStep: index + 1),
          targetEndDate: targets.targetEndDate(lastObserved: lastObserved, step: index + 1),
          quantiles: row)
      },
      nextPeriod: targets.frequency == .daily && targets.steps >= days
        ? nextWeek.map { HorizonForecast(horizon: days, targetEndDate: lastObserved.adding(days: days), quantiles: $0) }
        : nil)
  }
}
