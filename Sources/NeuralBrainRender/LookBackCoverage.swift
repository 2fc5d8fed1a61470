import NeuralBrainCore

/// How many of a past forecast's targets have been observed, and how many of those its 50% and
/// 95% intervals held: the look back's verdict on a forecast, in numbers and in words.
struct LookBackCoverage: Equatable {
  var observed = 0
  var inside50 = 0
  var inside95 = 0

  init(_ past: PastForecast, observed recent: [DatedValue]) {
    var values: [Day: Double] = [:]
    for item in recent {
      if let value = item.value, value.isFinite { values[item.date] = value }
    }
    for horizon in past.horizons where horizon.quantiles.count == QuantileLevels.hub.count {
      guard let value = values[horizon.targetEndDate] else { continue }
      observed += 1
      let q = horizon.quantiles
      if value >= q[QuantileLevels.central50.lower], value <= q[QuantileLevels.central50.upper] { inside50 += 1 }
      if value >= q[QuantileLevels.central95.lower], value <= q[QuantileLevels.central95.upper] { inside95 += 1 }
    }
  }

  /// "3 of 4 observed targets inside the 95% interval, 2 inside the 50% interval", or that none
  /// has been observed yet.
  var sentence: String {
    guard observed > 0 else { return "none of its target dates has been observed yet" }
    let targets = observed == 1 ? "observed target" : "observed targets"
    return "\(inside95) of \(observed) \(targets) inside the 95% interval, \(inside50) inside the 50% interval"
  }
}
