import NeuralBrainCore

/// Checks one provider's output against the dataset and targets before anything is derived
/// from it, so that every rejection names the region, metric and horizon at fault.
struct OutputValidator: Sendable {
  let provider: String
  let configuration: Normalizer.Configuration

  /// The forecast of every dataset series, keyed by region id and metric.
  ///
  /// - Throws: `NormalizeError.invalidOutput` at the first problem found, in region then
  ///   metric order.
  func validate(_ output: ProviderOutput, dataset: Dataset, targets: ForecastTargets)
    throws(NormalizeError) -> [SeriesKey: SeriesForecast]
  {
    guard targets.frequency == dataset.frequency else {
      throw reject(
        "the targets are \(targets.frequency.rawValue) but the dataset is \(dataset.frequency.rawValue)")
    }
    let datasetKeys = Set(dataset.series.map(\.key))
    var byKey: [SeriesKey: SeriesForecast] = [:]
    for forecast in output.forecasts {
      let key = SeriesKey(regionID: forecast.regionID, metric: forecast.metric)
      guard datasetKeys.contains(key) else {
        throw reject(
          "region id '\(key.regionID)', metric \(key.metric.rawValue): the dataset has no such "
            + "series; the output must forecast exactly the dataset's series")
      }
      guard byKey.updateValue(forecast, forKey: key) == nil else {
        throw reject(
          "region id '\(key.regionID)', metric \(key.metric.rawValue): forecast twice; "
            + "the output must hold one forecast per series")
      }
    }
    let ordered = dataset.series.sorted {
      ($0.region.name, $0.region.id, $0.metric) < ($1.region.name, $1.region.id, $1.metric)
    }
    for series in ordered {
      let key = series.key
      guard let forecast = byKey[key] else {
        throw reject("\(where: series): missing; the dataset has this series but the output has no forecast of it")
      }
      try check(forecast, of: series, targets: targets)
    }
    return byKey
  }

  private func check(_ forecast: SeriesForecast, of series: IncidentSeries, targets: ForecastTargets)
    throws(NormalizeError)
  {
    let reference = targets.referenceDate(lastObserved: series.end)
    guard forecast.referenceDate == reference else {
      throw reject(
        "\(where: series): reference date \(forecast.referenceDate) should be \(reference) "
          + "(last observation \(series.end))")
    }
    guard forecast.horizons.count == targets.steps else {
      throw reject(
        "\(where: series): \(forecast.horizons.count) horizons, expected \(targets.steps) "
          + "(horizons \(targets.horizon(ofStep: 1))…\(targets.horizon(ofStep: targets.steps)))")
    }
    let recentMaximum =
      series.values.suffix(configuration.recentPoints(for: series.frequency))
      .compactMap { $0 }.max() ?? 0
    let cap = configuration.sanityCapMultiple * max(recentMaximum, configuration.sanityCapFloor)
    for (offset, step) in forecast.horizons.enumerated() {
      let number = offset + 1
      let expectedHorizon = targets.horizon(ofStep: number)
      let expectedEnd = targets.targetEndDate(lastObserved: series.end, step: number)
      // Built only for a message: a daily run checks hundreds of thousands of horizons.
      func place() -> String { "\(where: series), horizon \(step.horizon) (step \(number))" }
      guard step.horizon == expectedHorizon else {
        throw reject("\(place()): horizon label should be \(expectedHorizon)")
      }
      guard step.targetEndDate == expectedEnd else {
        throw reject("\(place()): target end date \(step.targetEndDate) should be \(expectedEnd)")
      }
      try check(quantiles: step.quantiles, at: place(), cap: cap)
    }
    if let total = forecast.nextPeriod {
      // A 7-day total may hold seven days' worth: its cap is seven days' caps.
      try check(
        quantiles: total.quantiles, at: "\(where: series), next 7 days' total",
        cap: cap * Double(HorizonForecast.daysPerPeriod))
    }
  }

  private func check(quantiles: [Double], at place: @autoclosure () -> String, cap: Double) throws(NormalizeError) {
    let levels = QuantileLevels.hub
    guard quantiles.count == levels.count else {
      throw reject("\(place()): \(quantiles.count) quantiles, expected \(levels.count) (levels 0.01…0.99)")
    }
    for (index, value) in quantiles.enumerated() {
      guard value.isFinite else {
        throw reject("\(place()): quantile at level \(levels[index]) is \(value), not a finite number")
      }
      guard value >= 0 else {
        throw reject("\(place()): quantile at level \(levels[index]) is negative (\(value)); counts are ≥ 0")
      }
      if index > 0, value < quantiles[index - 1] {
        throw reject(
          "\(place()): quantile at level \(levels[index]) (\(value)) is below the one at level "
            + "\(levels[index - 1]) (\(quantiles[index - 1])); quantiles must be non-decreasing")
      }
    }
    let median = quantiles[QuantileLevels.medianIndex]
    guard median <= cap else {
      throw reject(
        "\(place()): median \(median) is above the sanity cap \(cap) "
          + "(\(configuration.sanityCapMultiple)× the recent maximum observation)")
    }
  }

  private func reject(_ message: String) -> NormalizeError {
    .invalidOutput(provider: provider, message: message)
  }
}

extension DefaultStringInterpolation {
  /// `region "Name" (id), metric cases`: where a validation message points.
  fileprivate mutating func appendInterpolation(where series: IncidentSeries) {
    appendLiteral("region \"\(series.region.name)\" (\(series.region.id)), metric \(series.metric.rawValue)")
  }
}
