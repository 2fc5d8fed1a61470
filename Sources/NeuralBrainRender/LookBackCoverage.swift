import NeuralBrainCore

/// Which of a past forecast's targets have been observed, and whether its 50% and 95% intervals
/// held each: the look back's verdict on a forecast, drawn as dots and said in words.
struct LookBackCoverage: Equatable {
  /// One observed target of the forecast.
  struct Target: Equatable {
    var date: Day
    var value: Double
    var inside50: Bool
    var inside95: Bool
  }

  /// The observed targets, in the forecast's horizon order.
  var targets: [Target] = []

  init(_ past: PastForecast, observed recent: [DatedValue]) {
    var values: [Day: Double] = [:]
    for item in recent {
      if let value = item.value, value.isFinite { values[item.date] = value }
    }
    for horizon in past.horizons where horizon.quantiles.count == QuantileLevels.hub.count {
      guard let value = values[horizon.targetEndDate] else { continue }
      targets.append(
        Target(
          date: horizon.targetEndDate, value: value,
          inside50: QuantileLevels.covers(horizon.quantiles, observed: value, interval: QuantileLevels.central50),
          inside95: QuantileLevels.covers(horizon.quantiles, observed: value, interval: QuantileLevels.central95)))
    }
  }

  /// "3 of 4 observed targets inside the 95% interval, 2 inside the 50% interval", or that none
  /// has been observed yet.
  var sentence: String {
    guard !targets.isEmpty else { return "none of its target dates has been observed yet" }
    let noun = targets.count == 1 ? "observed target" : "observed targets"
    let inside95 = targets.filter(\.inside95).count
    let inside50 = targets.filter(\.inside50).count
    return "\(inside95) of \(targets.count) \(noun) inside the 95% interval, \(inside50) inside the 50% interval"
  }
}
