import NeuralBrainCore

/// Reads hubverse model-output CSV text into quantile forecasts.
///
/// Columns may come in any order (the FluSight baseline and ensemble files differ); only
/// `output_type == quantile` rows of non-negative horizons are kept, optionally for one target.
public enum HubModelOutput {
  /// Parses `text` from `file`. `model` defaults to the file name without its leading
  /// `YYYY-MM-DD-` and its extension, as the hubs name files.
  public static func parse(
    _ text: String, file: String, target: String? = nil, model: String? = nil
  ) throws -> [HubQuantileForecast] {
    let table = CSVTable(text)
    func index(_ name: String) throws -> Int {
      guard let column = table.column(name) else { throw HubCSVError.missingColumn(file: file, column: name) }
      return column
    }
    let referenceColumn = try index("reference_date")
    let locationColumn = try index("location")
    let horizonColumn = try index("horizon")
    let targetColumn = try index("target")
    let endColumn = try index("target_end_date")
    let typeColumn = try index("output_type")
    let levelColumn = try index("output_type_id")
    let valueColumn = try index("value")
    let modelName = model ?? modelName(fromFile: file)

    struct Key: Hashable {
      var target: String
      var location: String
      var referenceDate: Day
      var horizon: Int
    }
    var groups: [Key: (end: Day, values: [Double?])] = [:]
    var order: [Key] = []
    let levels = QuantileLevels.hub
    for (line, fields) in table.rows {
      func field(_ column: Int) -> String { column < fields.count ? fields[column] : "" }
      func invalid(_ column: Int, _ name: String, _ expected: String) -> HubCSVError {
        .invalidField(file: file, line: line, column: column + 1, name: name, value: field(column), expected: expected)
      }
      guard field(typeColumn) == "quantile" else { continue }
      let rowTarget = field(targetColumn)
      if let target, rowTarget != target { continue }
      guard let horizon = Int(field(horizonColumn)) else {
        if field(horizonColumn).isEmpty || field(horizonColumn) == "NA" { continue }
        throw invalid(horizonColumn, "horizon", "an integer")
      }
      guard horizon >= 0 else { continue }
      guard let reference = Day(iso: field(referenceColumn)) else {
        throw invalid(referenceColumn, "reference_date", "a YYYY-MM-DD date")
      }
      guard let end = Day(iso: field(endColumn)) else {
        throw invalid(endColumn, "target_end_date", "a YYYY-MM-DD date")
      }
      guard let level = Double(field(levelColumn)),
        let slot = levels.firstIndex(where: { abs($0 - level) < 1e-9 })
      else { throw invalid(levelColumn, "output_type_id", "one of the 23 hub quantile levels") }
      guard let value = Double(field(valueColumn)), value.isFinite else {
        throw invalid(valueColumn, "value", "a finite number")
      }
      let key = Key(target: rowTarget, location: field(locationColumn), referenceDate: reference, horizon: horizon)
      if groups[key] == nil {
        groups[key] = (end, [Double?](repeating: nil, count: levels.count))
        order.append(key)
      }
      groups[key]?.values[slot] = value
    }
    return try order.map { key in
      let group = groups[key] ?? (key.referenceDate, [])
      let values = group.values.compactMap { $0 }
      guard values.count == levels.count else {
        throw HubCSVError.incompleteQuantiles(
          file: file, location: key.location, referenceDate: key.referenceDate, horizon: key.horizon,
          found: values.count)
      }
      return HubQuantileForecast(
        model: modelName, target: key.target, location: key.location, referenceDate: key.referenceDate,
        horizon: key.horizon, targetEndDate: group.end, quantiles: values)
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
