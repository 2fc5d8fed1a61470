import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// The `owid` source: Our World in Data's COVID-19 CSV (`owid-covid-data.csv` layout).
///
/// Reads `iso_code`, `location`, `date`, `new_cases`, `new_deaths` and `population`; other
/// columns are ignored, and so are OWID's aggregates (`OWID_…` codes such as `OWID_WRL`).
/// Regions are countries keyed by ISO-3 code. OWID publishes negative daily counts where a
/// country revised its totals down; those are settled by the correction policy.
struct OWIDSource: DataSource {
  let path: String
  let corrections: CorrectionPolicy
  let maxBytes: Int
  let fileSystem: any FileSystem
  let now: Date

  static let license = "CC BY 4.0: Our World in Data (ourworldindata.org/coronavirus)"

  func load() async throws(IngestError) -> Dataset {
    let file = try InputFile.read(path: path, maxBytes: maxBytes, fileSystem: fileSystem)
    var reader = CSVReader(file: file)
    let header = try CSVHeader(reading: &reader)
    let codeColumn = try header.require("iso_code")
    let nameColumn = try header.require("location")
    let dateColumn = try header.require("date")
    let metricColumns: [(column: Int, metric: Metric)] = [
      (try header.require("new_cases"), .cases), (try header.require("new_deaths"), .deaths),
    ]
    let populationColumn = header.index(of: "population")
    var table = ObservationTable(path: path, now: now)
    var fields: [CSVReader.Field] = []
    while try reader.next(into: &fields) {
      try reader.requireWidth(fields, header.names.count)
      let code = try reader.key(fields[codeColumn], column: codeColumn, name: "iso_code")
      if code.hasPrefix("OWID_") { continue }
      let day = try reader.isoDay(fields[dateColumn], column: dateColumn, name: "date")
      let population = try populationColumn.flatMap { column throws(IngestError) in
        try reader.count(fields[column], column: column, name: "population")
      }
      let regionID = try table.region(
        code: code, name: reader.text(fields[nameColumn]), population: population,
        at: reader.position(column: codeColumn, name: "iso_code"))
      for (column, metric) in metricColumns {
        let value = try reader.number(fields[column], column: column, name: header.names[column])
        // OWID's daily counts may be negative (corrections, settled below), never out of limits.
        if let value, let problem = InputLimits.countProblem(abs(value)) {
          throw .outOfLimits(
            reader.position(column: column, name: header.names[column]), text: reader.text(fields[column]),
            detail: problem)
        }
        try table.add(
          regionID: regionID, metric: metric, day: day, value: value,
          at: reader.position(column: dateColumn, name: "date"))
      }
    }
    let engine = CorrectionEngine(policy: corrections)
    return try table.dataset(kind: .owid, file: file, now: now, license: Self.license) { item in
      var settled = item
      let notes = engine.settle(&settled)
      return (settled, notes)
    }
  }
}
