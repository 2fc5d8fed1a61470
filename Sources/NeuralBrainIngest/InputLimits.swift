import Foundation
import NeuralBrainCore

/// The limits every input is held to at ingest (docs/configuration.md, "Input limits"), so that
/// hostile or broken data stop at the first bad cell with exit 65 instead of producing a site of
/// gigabytes, dates in the year 9999 or forecasts of 10^308 deaths.
public enum InputLimits {
  /// Longest region code or name, in characters.
  public static let maximumTextLength = 200
  /// The earliest observation date accepted.
  public static let earliestDate = Day(year: 1900, month: 1, day: 1) ?? Day(ordinal: 0)
  /// Days an observation may lie after the run's clock (time zones, reports dated tomorrow).
  public static let daysAhead = 1
  /// Largest count of one region, metric and period (above the world's population).
  public static let maximumCount = 10_000_000_000.0
  /// Largest population.
  public static let maximumPopulation = 10_000_000_000.0

  /// The latest observation date a run on `now`'s clock accepts.
  public static func latestDate(now: Date) -> Day { Day(containing: now).adding(days: daysAhead) }

  /// What is wrong with a region code or name, or nil: empty, too long, or holding control
  /// characters, Unicode non-characters or unpaired surrogates (which no page, feed or file name
  /// should carry).
  public static func textProblem(_ text: String) -> String? {
    if text.utf8.count > maximumTextLength, text.count > maximumTextLength {
      return "is \(text.count) characters long; the limit is \(maximumTextLength)"
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      // Printable ASCII, nearly every character of real files, needs no Unicode property lookup.
      if (0x20..<0x7F).contains(value) { continue }
      if scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint
        || (0xFFF9...0xFFFB).contains(value)
      {
        return "holds the character U+\(String(value, radix: 16, uppercase: true)), which is not allowed in a name"
      }
    }
    return nil
  }

  /// What is wrong with an observed count, or nil: not a whole number, or above `maximumCount`.
  public static func countProblem(_ value: Double) -> String? {
    if value > maximumCount { return "is above the limit of \(Int(maximumCount)) for one period" }
    if value != value.rounded() { return "is not a whole number; counts of people are" }
    return nil
  }

  /// What is wrong with a population, or nil.
  public static func populationProblem(_ value: Double) -> String? {
    if value <= 0 { return "is not a population; leave the cell empty when it is unknown" }
    if value > maximumPopulation { return "is above the limit of \(Int(maximumPopulation))" }
    return nil
  }

  /// What is wrong with an observation date on a run at `now`, or nil.
  public static func dateProblem(_ day: Day, now: Date) -> String? {
    if day < earliestDate { return "is before \(earliestDate.iso), the earliest date accepted" }
    let latest = latestDate(now: now)
    if day > latest { return "is after \(latest.iso), one day past the run's clock; data cannot come from the future" }
    return nil
  }
}
