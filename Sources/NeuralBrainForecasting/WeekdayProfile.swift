import Foundation
import NeuralBrainCore

/// How a daily series is reported through the week, and its aggregation into 7-day totals.
///
/// Daily reports carry strong weekday effects: fewer reports at weekends, no reports on some
/// weekdays, or one report a week on a fixed or wandering day (Turkey, Spain, Argentina in 2022).
/// The local model forecasts 7-day totals, which are free of all that, and this profile spreads
/// each week's total over its days the way the series is actually reported.
///
/// Per position in the 7-day block (0 = oldest day of a block ending on the last observed day)
/// it keeps the share of recent weeks with a report on that day and the size of a report there
/// relative to the week's mean day. Every day is a mixture: no report (0) with the complementary
/// probability, else a report of the conditional size, so a
/// weekly report on a wandering day gets daily quantiles of zero up to the 86% level and the
/// week's total above — the honest forecast for a day that may or may not carry the week.
/// Medians (not means) make the estimates robust to holidays and reporting dumps.
struct WeekdayProfile: Sendable {
  /// Report size by position given a report, relative to the week's mean day; together with
  /// `reportProbability` the expected shares average 1.
  var factors: [Double]
  /// Share of recent weeks with a report at each position; positions reported in ≥ 85% of the
  /// weeks share one pooled share (1 for a series that never misses a day).
  var reportProbability: [Double]
  /// Robust scale of the reported days' log errors around their expected size (their 80th
  /// percentile over the normal's): the day-to-day noise a weekly total does not show.
  var noise: Double

  /// Positions reported in at least this share of weeks count as regularly reported.
  static let regularShare = 0.85
  /// The share of absolute log errors below the noise scale's defining percentile: 0.8, whose
  /// normal counterpart is 1.28 σ. Less robust than the median but it sees the heavy tails of
  /// daily reporting; the 95th percentile would be moved by a single dump.
  static let noiseLevel = 0.8
  /// The day-to-day noise is capped here, so one chaotic stretch cannot explode daily intervals.
  static let maximumNoise = 1.0

  /// Totals of consecutive 7-day blocks ending at the last value, oldest first; a leading
  /// partial block is dropped.
  static func weeklyTotals(_ y: [Double]) -> [Double] {
    let blocks = y.count / 7
    let start = y.count - blocks * 7
    return (0..<blocks).map { block in
      let from = start + block * 7
      return y[from..<(from + 7)].reduce(0, +)
    }
  }

  /// Longest run of zero days a later report is taken to cover.
  static let longestReportGap = 13

  /// `y` with each report spread evenly over the run of zero days before it (a Monday report
  /// after an empty weekend covers three days; a weekly report covers its week), and trailing
  /// zero days shorter than the usual gap between reports filled at the last report's daily rate
  /// (the report that will cover them has not arrived). Runs of zeros longer than
  /// `longestReportGap` days are left alone: nothing was reported, or nothing happened. The
  /// weekly model forecasts 7-day totals of this series, which do not swing between zero and two
  /// reports when the reporting day wanders.
  static func spreadReports(_ y: [Double]) -> [Double] {
    var out = y
    var gaps: [Int] = []
    var zeros = 0
    var lastRate: Double?
    for index in y.indices {
      guard y[index] > 0 else {
        zeros += 1
        continue
      }
      if zeros > 0, zeros <= Self.longestReportGap, index - zeros > 0 {
        let share = y[index] / Double(zeros + 1)
        for day in (index - zeros)...index { out[day] = share }
        gaps.append(zeros + 1)
        lastRate = share
      } else {
        if index > 0, y[index - 1] > 0 { gaps.append(1) }
        // A report after a long silence covers an unknown span: it sets no rate to fill with.
        lastRate = zeros > Self.longestReportGap ? nil : y[index]
      }
      zeros = 0
    }
    let usualGap = gaps.suffix(8).isEmpty ? 1 : Quantile.median(gaps.suffix(8).map(Double.init))
    if zeros > 0, Double(zeros) < usualGap, let lastRate {
      for day in (y.count - zeros)..<y.count { out[day] = lastRate }
    }
    return out
  }

  /// Estimates the profile from the last `weeks` full blocks with reports; every day reported
  /// with equal shares when there is none.
  init(_ y: [Double], weeks: Int = 8) {
    let blocks = (0..<min(y.count / 7, weeks)).compactMap { block -> ArraySlice<Double>? in
      let from = y.count - (block + 1) * 7
      let slice = y[from..<(from + 7)]
      return slice.reduce(0, +) > 0 ? slice : nil
    }
    guard !blocks.isEmpty else {
      factors = [Double](repeating: 1, count: 7)
      reportProbability = [Double](repeating: 1, count: 7)
      noise = 0
      return
    }
    var ratios = [[Double]](repeating: [], count: 7)
    for block in blocks {
      let mean = block.reduce(0, +) / 7
      for (position, value) in block.enumerated() where value > 0 { ratios[position].append(value / mean) }
    }
    let shares = ratios.map { Double($0.count) / Double(blocks.count) }
    let regular = shares.indices.filter { shares[$0] >= Self.regularShare }
    let pooled = regular.isEmpty ? 1 : regular.map { shares[$0] }.reduce(0, +) / Double(regular.count)
    let probability = shares.indices.map { regular.contains($0) ? pooled : shares[$0] }
    var size = ratios.map { $0.isEmpty ? 0 : Quantile.median($0) }
    let expected = zip(probability, size).map(*).reduce(0, +) / 7
    if expected > 0 { size = size.map { $0 / expected } }
    var errors: [Double] = []
    for block in blocks {
      let mean = block.reduce(0, +) / 7
      for (position, value) in block.enumerated() where value > 0 && size[position] > 0 {
        errors.append(abs(log1p(value) - log1p(mean * size[position])))
      }
    }
    factors = size
    reportProbability = probability
    errors.sort()
    noise =
      errors.isEmpty
      ? 0
      : min(
        Quantile.type7(sorted: errors, Self.noiseLevel) / NormalQuantile.of((1 + Self.noiseLevel) / 2),
        Self.maximumNoise)
  }

  /// Daily quantiles at `position` from quantiles of the week's total: no report below the
  /// level 1 − p (p the position's report probability); above it, the conditional level's
  /// share of the weekly total, widened on the log scale by the daily noise in quadrature.
  func daily(fromWeekly quantiles: [Double], position: Int) -> [Double] {
    let probability = reportProbability[position]
    let share = factors[position] / 7
    guard share > 0, probability > 0 else { return [Double](repeating: 0, count: quantiles.count) }
    let center = log1p(quantiles[QuantileLevels.medianIndex] * share)
    return QuantileLevels.hub.map { level -> Double in
      guard level > 1 - probability else { return 0 }
      let conditional = probability < 1 ? (level - (1 - probability)) / probability : level
      let offset = log1p(Self.interpolate(quantiles, at: conditional) * share) - center
      let extra = NormalQuantile.of(min(max(conditional, 0.005), 0.995)) * noise
      let widened = (offset * offset + extra * extra).squareRoot()
      let side: Double = conditional < 0.5 ? -1 : (conditional > 0.5 ? 1 : 0)
      return max(0, expm1(center + side * widened))
    }.sorted()
  }

  /// The value at `level` of hub `quantiles`, linear between hub levels and flat beyond the ends.
  static func interpolate(_ quantiles: [Double], at level: Double) -> Double {
    let levels = QuantileLevels.hub
    guard level > levels[0] else { return quantiles[0] }
    guard level < levels[levels.count - 1] else { return quantiles[quantiles.count - 1] }
    let upper = levels.firstIndex { $0 >= level } ?? levels.count - 1
    let lower = max(upper - 1, 0)
    guard upper != lower, levels[upper] > levels[lower] else { return quantiles[upper] }
    let fraction = (level - levels[lower]) / (levels[upper] - levels[lower])
    return quantiles[lower] + fraction * (quantiles[upper] - quantiles[lower])
  }
}
