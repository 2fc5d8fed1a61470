import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// The `csv` source: the user's own long-format file, `date,region,metric,value` plus an
/// optional `population` column, one row per region, metric and date.
///
/// Values are incident counts unless `cumulative` is set; the frequency (daily or weekly) is
/// detected from the date spacing. Empty or `NA` values are missing; unknown columns,
/// negative counts and duplicate rows are errors.
struct CSVSource: DataSource {
  let path: String
  let cumulative: Bool
  let corrections: CorrectionPolicy
  let maxBytes: Int
  let fileSystem: any FileSystem
  let now: Date

  private static let columns: Set<String> = ["date", "region", "metric", "value", "population"]

  func load() async throws(IngestError) -> Dataset {
    let file = try InputFile.read(path: path, maxBytes: maxBytes, fileSystem: fileSystem)
    var reader = CSVReader(file: file)
    let header = try CSVHeader(reading: &reader)
    if let unknown = header.names.firstIndex(where: { !Self.columns.contains($0.lowercased()) }) {
      throw .unknownColumn(
        InputPosition(file: path, line: header.line, column: unknown + 1, columnName: header.names[unknown]))
    }
    let dateColumn = try header.require("date")
    let regionColumn = try header.require("region")
    let metricColumn = try header.require("metric")
    let valueColumn = try header.require("value")
    let populationColumn = header.index(of: "population")
    var table = ObservationTable(path: path, now: now)
    var fields: [CSVReader.Field] = []
    while try reader.next(into: &fields) {
      try reader.requireWidth(fields, header.names.count)
      let day = try reader.isoDay(fields[dateColumn], column: dateColumn, name: "date")
      let metricText = reader.text(fields[metricColumn]).trimmingCharacters(in: .whitespaces)
      guard let metric = MetricName.parse(metricText) else {
        throw .unknownMetric(reader.position(column: metricColumn, name: "metric"), text: metricText)
      }
      let code = try reader.key(fields[regionColumn], column: regionColumn, name: "region")
      let population = try populationColumn.flatMap { column throws(IngestError) in
        try reader.count(fields[column], column: column, name: "population")
      }
      let regionID = try table.region(
        code: code, name: code, population: population, at: reader.position(column: regionColumn, name: "region"))
      let value = try reader.observed(fields[valueColumn], column: valueColumn, name: "value")
      try table.add(
        regionID: regionID, metric: metric, day: day, value: value,
        at: reader.position(column: dateColumn, name: "date"))
    }
    let engine = CorrectionEngine(policy: corrections)
    return try table.dataset(kind: .csv, file: file, now: now, license: nil) { item in
      cumulative ? engine.incident(fromCumulative: item) : (item, [])
    }
  }
}
