import NeuralBrainCore

/// Observed values from a hub target-data CSV (`date,location,location_name,value[,weekly_rate]`).
///
/// Scoring needs truth keyed by location and date; `NA` values are skipped and an unnamed
/// leading row-number column (written by R) is ignored.
public struct HubTargetTable: Sendable, Hashable {
  /// `values[location][date]`.
  public var values: [String: [Day: Double]]
  /// Location names by location code.
  public var names: [String: String]

  public init(values: [String: [Day: Double]], names: [String: String]) {
    self.values = values
    self.names = names
  }

  /// Parses target-data `text` read from `file`.
  public static func parse(_ text: String, file: String) throws -> HubTargetTable {
    let table = CSVTable(text)
    func index(_ name: String) throws -> Int {
      guard let column = table.column(name) else { throw HubCSVError.missingColumn(file: file, column: name) }
      return column
    }
    let dateColumn = try index("date")
    let locationColumn = try index("location")
    let valueColumn = try index("value")
    let nameColumn = table.column("location_name")
    var result = HubTargetTable(values: [:], names: [:])
    for (line, fields) in table.rows {
      func field(_ column: Int) -> String { column < fields.count ? fields[column] : "" }
      let location = field(locationColumn)
      if let nameColumn { result.names[location] = field(nameColumn) }
      let raw = field(valueColumn).trimmingSpaces
      guard !raw.isEmpty, raw != "NA" else { continue }
      guard let date = Day(iso: field(dateColumn)) else {
        throw HubCSVError.invalidField(
          file: file, line: line, column: dateColumn + 1, name: "date", value: field(dateColumn),
          expected: "a YYYY-MM-DD date")
      }
      guard let value = Double(raw), value.isFinite else {
        throw HubCSVError.invalidField(
          file: file, line: line, column: valueColumn + 1, name: "value", value: raw,
          expected: "a finite number or NA")
      }
      result.values[location, default: [:]][date] = value
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
