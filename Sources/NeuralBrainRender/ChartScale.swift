import Foundation
import NeuralBrainCore

/// Round axis ticks for the charts: values at 1, 2 or 5 × 10ⁿ steps, dates on the data grid.
enum ChartScale {
  /// Ticks from zero covering `maxValue` in about `count` round steps.
  static func valueTicks(maxValue: Double, count: Int = 5) -> (top: Double, step: Double, ticks: [Double]) {
    let target = maxValue.isFinite && maxValue > 0 ? maxValue : 1
    let step = niceStep(target / Double(count))
    let steps = Int((target / step).rounded(.up))
    let ticks = (0...max(steps, 1)).map { Double($0) * step }
    return (ticks.last ?? step, step, ticks)
  }

  /// A logarithmic axis from the power of ten at or below `minValue` to the first 1, 2 or 5 × 10ⁿ
  /// at or above `maxValue` (at least one decade), with ticks at the powers of ten, and at 2 and 5
  /// times them when the axis spans at most two decades. The span is capped at six decades, so
  /// one tiny value cannot flatten the rest.
  static func logTicks(minValue: Double, maxValue: Double) -> (floor: Double, top: Double, ticks: [Double]) {
    let high = maxValue.isFinite && maxValue > 0 ? maxValue : 1
    let low = minValue.isFinite && minValue > 0 ? min(minValue, high) : high
    let niceTop = niceStep(high)
    let floor = max(pow(10, log10(low).rounded(.down)), pow(10, (log10(niceTop) - 6).rounded(.up)))
    let top = max(niceTop, floor * 10)
    let decades = log10(top / floor)
    let multiples: [Double] = decades <= 2 ? [1, 2, 5] : [1]
    var ticks: [Double] = []
    var decade = floor
    while decade <= top * (1 + 1e-9) {
      ticks += multiples.map { decade * $0 }.filter { $0 <= top * (1 + 1e-9) }
      decade *= 10
    }
    return (floor, top, ticks)
  }

  /// A 1, 2 or 5 × 10ⁿ step no smaller than `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw.isFinite, raw > 0 else { return 1 }
    let base = pow(10, (log10(raw)).rounded(.down))
    let fraction = raw / base
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    return nice * base
  }

  /// At most `maxCount` dates from `start` to `end`, spaced by a whole number of days that is a
  /// multiple of `gridDays` (7 for weekly data).
  static func dateTicks(from start: Day, to end: Day, gridDays: Int, maxCount: Int = 6) -> [Day] {
    let span = max(end - start, 0)
    let candidates = [1, 2, 7, 14, 28, 56, 91, 182, 364, 728].filter { $0 % gridDays == 0 }
    let step = candidates.first { span / $0 + 1 <= maxCount } ?? max(span, 1)
    return stride(from: 0, through: span, by: step).map { start.adding(days: $0) }
  }
}
