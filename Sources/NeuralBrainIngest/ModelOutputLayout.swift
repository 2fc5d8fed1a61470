import NeuralBrainCore

/// Where a model-output CSV keeps each field, in either of the two layouts the hubs published:
/// hubverse (`reference_date`, `target`, `horizon`, `output_type`, `output_type_id`) since
/// 2023-24, or the legacy FluSight and COVID-19 hub layout (`forecast_date`,
/// `N wk ahead <target>`, `type`, `quantile`) before.
///
/// Legacy rows are mapped onto hubverse terms so both score alike: target `N wk ahead inc flu
/// hosp` is target `wk inc flu hosp` at horizon N − 1, whose reference date is the target end
/// date minus N − 1 weeks (the Saturday after a Monday forecast date).
struct ModelOutputLayout {
  /// The hubverse meaning of one row.
  struct Row {
    var target: String
    var horizon: Int
    var referenceDate: Day
    var targetEndDate: Day
  }

  enum Kind {
    case hubverse(reference: Int, horizon: Int)
    case legacy
  }

  var kind: Kind
  var target: Int
  var end: Int
  var location: Int
  var type: Int
  var level: Int
  var value: Int

  init(_ header: CSVHeader) throws(IngestError) {
    if header.index(of: "forecast_date") != nil, header.index(of: "reference_date") == nil {
      kind = .legacy
      type = try header.require("type")
      level = try header.require("quantile")
    } else {
      kind = .hubverse(reference: try header.require("reference_date"), horizon: try header.require("horizon"))
      type = try header.require("output_type")
      level = try header.require("output_type_id")
    }
    target = try header.require("target")
    end = try header.require("target_end_date")
    location = try header.require("location")
    value = try header.require("value")
  }

  /// The row's target, horizon and dates; nil for rows of another target than `wanted` (when
  /// given) or outside the forecast horizons (negative or missing horizons, legacy targets that
  /// are not `N wk ahead …`). Dates are read only for rows that are kept.
  func row(_ fields: [CSVReader.Field], reader: CSVReader, wanted: String?) throws(IngestError) -> Row? {
    let name = reader.text(fields[target])
    switch kind {
    case let .hubverse(referenceColumn, horizonColumn):
      if let wanted, name != wanted { return nil }
      let horizonText = reader.text(fields[horizonColumn])
      if horizonText.isEmpty || horizonText == "NA" { return nil }
      guard let horizon = Int(horizonText) else {
        throw .malformedRow(
          reader.position(column: horizonColumn, name: "horizon"),
          detail: "horizon \"\(horizonText)\" is not an integer")
      }
      guard horizon >= 0 else { return nil }
      let reference = try reader.isoDay(fields[referenceColumn], column: referenceColumn, name: "reference_date")
      let targetEnd = try reader.isoDay(fields[end], column: end, name: "target_end_date")
      return Row(target: name, horizon: horizon, referenceDate: reference, targetEndDate: targetEnd)
    case .legacy:
      let words = name.split(separator: " ", maxSplits: 3)
      guard words.count == 4, words[1] == "wk", words[2] == "ahead", let weeks = Int(words[0]), weeks >= 1 else {
        return nil
      }
      let mapped = "wk " + words[3]
      if let wanted, mapped != wanted { return nil }
      let targetEnd = try reader.isoDay(fields[end], column: end, name: "target_end_date")
      return Row(
        target: mapped, horizon: weeks - 1, referenceDate: targetEnd.adding(days: -7 * (weeks - 1)),
        targetEndDate: targetEnd)
    }
  }
}
