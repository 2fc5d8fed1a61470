import Foundation
import NeuralBrainCore

/// Observed values from a hub target-data CSV (`date,location,location_name,value[,weekly_rate]`).
///
/// Scoring needs truth keyed by location code and date, and a backtest what was known at each
/// origin. Rows are read by the `hub` source's parser, so both accept and refuse the same files;
/// `NA` values are left out and an unnamed leading row-number column (written by R) is ignored.
public struct HubTargetTable: Sendable, Hashable {
  /// `values[location][date]`.
  public var values: [String: [Day: Double]]
  /// Location names by location code.
  public var names: [String: String]

  public init(values: [String: [Day: Double]], names: [String: String]) {
    self.values = values
    self.names = names
  }

  /// Parses target-data `text` read from `file` at time `now` (no date may lie after it).
  public static func parse(_ text: String, file: String, now: Date) throws(IngestError) -> HubTargetTable {
    try parse(Array(text.utf8), file: file, now: now)
  }

  /// Parses target-data `bytes` read from `file` at time `now`; the dates must be weekly.
  public static func parse(_ bytes: [UInt8], file: String, now: Date) throws(IngestError) -> HubTargetTable {
    let observations = try HubSource.observations(InputFile(path: file, bytes: bytes), now: now)
    let frequency = try observations.frequency(required: .weekly)
    var result = HubTargetTable(values: [:], names: [:])
    for region in observations.regions.values { result.names[region.code] = region.name }
    for series in observations.series(frequency: frequency) {
      var observed: [Day: Double] = [:]
      for (index, value) in series.values.enumerated() {
        if let value { observed[series.start.adding(days: index * series.step)] = value }
      }
      guard !observed.isEmpty else { continue }
      result.values[observations.regions[series.regionID]?.code ?? series.regionID] = observed
    }
    return result
  }

  /// The observations of `location` as a gap-free weekly or daily grid ending at its last date,
  /// with missing dates filled by the preceding value; empty when the location is unknown.
  public func series(location: String, frequency: Frequency, through last: Day? = nil) -> [Double] {
    guard let observed = values[location], let first = observed.keys.min(),
      let end = last ?? observed.keys.max(), end >= first
    else { return [] }
    var out: [Double] = []
    var previous = observed[first] ?? 0
    var day = first
    while day <= end {
      previous = observed[day] ?? previous
      out.append(previous)
      day = day.adding(days: frequency.days)
    }
    return out
  }
}
