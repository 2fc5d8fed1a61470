import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// The `hub` source: hubverse / CDC FluSight target data, weekly hospital admissions.
///
/// Columns `date,location,location_name,value[,weekly_rate]`, possibly after an unnamed (or
/// `X`) row-number column; `NA` values are missing. Location codes are kept as region codes
/// (`US`, `01`, …). Population comes from an optional second input, a hub locations file
/// (`location,population`), or else from `weekly_rate` (per 100,000).
struct HubSource: DataSource {
  let path: String
  let locationsPath: String?
  /// The hub's name for the target the file holds, kept in every published file.
  let target: String
  let maxBytes: Int
  let fileSystem: any FileSystem
  let now: Date

  /// FluSight's target name for weekly incident influenza hospital admissions.
  static let defaultTarget = "wk inc flu hosp"

  /// FluSight's attribution for NHSN-derived target data.
  static let license =
    "Target data derived by the FluSight forecast hub (MIT) from CDC NHSN Weekly Hospital Respiratory Data"

  /// The target-data file's bytes and the locations file's, each with its length.
  func inputFingerprint() async throws(IngestError) -> String? {
    var hasher = ContentHash()
    for path in [path] + (locationsPath.map { [$0] } ?? []) {
      let bytes = try InputFile.read(path: path, maxBytes: maxBytes, fileSystem: fileSystem).bytes
      hasher.update(Array("\(bytes.count)\n".utf8))
      hasher.update(bytes)
    }
    return "hub " + hasher.finalizeHex()
  }

  func load() async throws(IngestError) -> Dataset {
    let file = try InputFile.read(path: path, maxBytes: maxBytes, fileSystem: fileSystem)
    // The provenance hash of the bytes runs on another core while this one parses them.
    async let hashed = ContentHash(file.bytes)
    var table = try Self.observations(file, now: now)
    var hasher = await hashed
    var files = [path]
    if let locationsPath {
      let locations = try InputFile.read(path: locationsPath, maxBytes: maxBytes, fileSystem: fileSystem)
      hasher.update(locations.bytes)
      files.append(locationsPath)
      for (regionID, population) in try Self.populations(locations) where table.regions[regionID] != nil {
        table.setPopulation(population, regionID: regionID)
      }
    }
    let frequency = try table.frequency(required: .weekly)
    let assembler = DatasetAssembler(
      kind: .hub, sourceURL: InputFile.publicName(of: files), retrievedAt: now, contentSHA256: hasher.finalizeHex(),
      license: Self.license)
    var dataset = try assembler.assemble(
      frequency: frequency, regions: Array(table.regions.values), series: table.series(frequency: frequency), notes: [])
    dataset.targetNames = [.hospitalizations: target]
    return dataset
  }

  /// The target-data rows of `file`: one region per location code, `NA` values kept as
  /// missing, each region's population implied by its largest `weekly_rate`. `HubTargetTable`
  /// reads through here too, so scoring accepts and refuses exactly what the source does.
  static func observations(_ file: InputFile, now: Date) throws(IngestError) -> ObservationTable {
    var reader = CSVReader(file: file)
    let header = try CSVHeader(reading: &reader)
    let dateColumn = try header.require("date")
    let locationColumn = try header.require("location")
    let nameColumn = header.index(of: "location_name")
    let valueColumn = try header.require("value")
    let rateColumn = header.index(of: "weekly_rate")
    var table = ObservationTable(path: file.path, now: now)
    var bestRate: [String: (value: Double, rate: Double)] = [:]
    var fields: [CSVReader.Field] = []
    while try reader.next(into: &fields) {
      try reader.requireWidth(fields, header.names.count)
      let day = try reader.isoDay(fields[dateColumn], column: dateColumn, name: "date")
      let code = try reader.key(fields[locationColumn], column: locationColumn, name: "location")
      let name = nameColumn.map { reader.text(fields[$0]) } ?? code
      let regionID = try table.region(
        code: code, name: name, population: nil, at: reader.position(column: locationColumn, name: "location"))
      let value = try reader.observed(fields[valueColumn], column: valueColumn, name: "value")
      if let rateColumn, let value, value > 0,
        let rate = try reader.count(fields[rateColumn], column: rateColumn, name: "weekly_rate"), rate > 0,
        value > bestRate[regionID]?.value ?? 0
      {
        bestRate[regionID] = (value, rate)
      }
      try table.add(
        regionID: regionID, metric: .hospitalizations, day: day, value: value,
        at: reader.position(column: dateColumn, name: "date"))
    }
    guard !table.isEmpty else { throw .emptyFile(path: file.path) }
    for (regionID, best) in bestRate {
      table.setPopulation((best.value / best.rate * 100_000).rounded(), regionID: regionID)
    }
    return table
  }

  /// Population by region id from a hub locations file (`location`, `population` columns).
  static func populations(_ file: InputFile) throws(IngestError) -> [String: Double] {
    var reader = CSVReader(file: file)
    let header = try CSVHeader(reading: &reader)
    let locationColumn = try header.require("location")
    let populationColumn = try header.require("population")
    var result: [String: Double] = [:]
    var fields: [CSVReader.Field] = []
    while try reader.next(into: &fields) {
      guard fields.count > max(locationColumn, populationColumn) else {
        throw .malformedRow(
          reader.position(column: fields.count),
          detail: "\(fields.count) fields where the header has \(header.names.count)")
      }
      let code = reader.text(fields[locationColumn]).trimmingCharacters(in: .whitespaces)
      if let population = try reader.count(fields[populationColumn], column: populationColumn, name: "population"),
        !code.isEmpty
      {
        result[Slug.make(code)] = population
      }
    }
    return result
  }
}
