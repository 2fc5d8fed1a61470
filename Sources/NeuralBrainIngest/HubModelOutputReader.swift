import NeuralBrainCore

/// Reads hub model-output CSV files into quantile forecasts, so published models
/// (FluSight-baseline, FluSight-ensemble) can be scored beside ours.
///
/// Hubverse and legacy layouts are both read (`ModelOutputLayout`). Columns may come in any
/// order (the FluSight baseline and ensemble files differ); only quantile rows of non-negative
/// horizons are kept, optionally for one target.
public enum HubModelOutputReader {
  /// Parses model-output `text` read from `file`. `model` defaults to the file name without its
  /// leading `YYYY-MM-DD-` and its extension, as the hubs name files.
  public static func parse(
    _ text: String, file: String, target: String? = nil, model: String? = nil
  ) throws(IngestError) -> [IssuedForecast] {
    try parse(Array(text.utf8), file: file, target: target, model: model)
  }

  /// Parses model-output `bytes` read from `file`; see `parse(_:file:target:model:)` for text.
  public static func parse(
    _ bytes: [UInt8], file: String, target: String? = nil, model: String? = nil
  ) throws(IngestError) -> [IssuedForecast] {
    var reader = CSVReader(file: try InputFile(path: file, bytes: bytes))
    let header = try CSVHeader(reading: &reader)
    let layout = try ModelOutputLayout(header)
    let (locationColumn, levelColumn, valueColumn) = (layout.location, layout.level, layout.value)
    let modelName = model ?? modelName(fromFile: file)

    struct Key: Hashable {
      var target: String
      var location: String
      var referenceDate: Day
      var horizon: Int
    }
    struct Group {
      var end: Day
      var line: Int
      var values: [Double?]
    }
    var groups: [Key: Group] = [:]
    var order: [Key] = []
    let levels = QuantileLevels.hub
    var fields: [CSVReader.Field] = []
    while try reader.next(into: &fields) {
      try reader.requireWidth(fields, header.names.count)
      guard reader.text(fields[layout.type]) == "quantile",
        let row = try layout.row(fields, reader: reader, wanted: target)
      else { continue }
      guard let level = try reader.number(fields[levelColumn], column: levelColumn, name: "output_type_id"),
        let slot = levels.firstIndex(where: { abs($0 - level) < 1e-9 })
      else {
        throw .malformedRow(
          reader.position(column: levelColumn, name: "output_type_id"),
          detail: "\"\(reader.text(fields[levelColumn]))\" is not one of the 23 hub quantile levels")
      }
      guard let value = try reader.number(fields[valueColumn], column: valueColumn, name: "value") else {
        throw .badNumber(reader.position(column: valueColumn, name: "value"), text: reader.text(fields[valueColumn]))
      }
      let location = try reader.key(fields[locationColumn], column: locationColumn, name: "location")
      let key = Key(target: row.target, location: location, referenceDate: row.referenceDate, horizon: row.horizon)
      if groups[key] == nil {
        groups[key] = Group(
          end: row.targetEndDate, line: reader.line, values: [Double?](repeating: nil, count: levels.count))
        order.append(key)
      }
      groups[key]?.values[slot] = value
    }
    return try order.map { key throws(IngestError) in
      let group = groups[key] ?? Group(end: key.referenceDate, line: 0, values: [])
      let values = group.values.compactMap { $0 }
      guard values.count == levels.count else {
        throw .incompleteQuantiles(
          InputPosition(file: file, line: group.line, column: levelColumn + 1, columnName: header.name(levelColumn)),
          forecast: "target \"\(key.target)\", location \(key.location), reference date \(key.referenceDate.iso), "
            + "horizon \(key.horizon)",
          found: values.count)
      }
      return IssuedForecast(
        model: modelName, regionID: key.location, target: key.target, referenceDate: key.referenceDate,
        forecast: HorizonForecast(horizon: key.horizon, targetEndDate: group.end, quantiles: values))
    }
  }

  /// `2023-10-14-FluSight-baseline.csv` → `FluSight-baseline`.
  static func modelName(fromFile file: String) -> String {
    var name = Substring(file.split(separator: "/").last ?? Substring(file))
    if let dot = name.lastIndex(of: ".") { name = name[..<dot] }
    if name.count > 11, Day(iso: name.prefix(10)) != nil, name.dropFirst(10).first == "-" {
      name = name.dropFirst(11)
    }
    return String(name)
  }
}
