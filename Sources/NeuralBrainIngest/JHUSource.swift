import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// The `jhu` source: JHU CSSE wide time-series CSVs (`time_series_covid19_confirmed_global.csv`
/// → cases, `…_deaths_global.csv` → deaths).
///
/// Columns `Province/State,Country/Region,Lat,Long`, then one cumulative column per day
/// (`M/D/YY`). Provinces are summed into their country (a missing cell makes that day's
/// country total missing); the cumulative totals become daily incidence with corrections
/// settled by policy. Each file's metric comes from its name (`confirmed`/`cases`, `deaths`),
/// or else from its position (first cases, second deaths).
struct JHUSource: DataSource {
  let inputs: [String]
  let corrections: CorrectionPolicy
  let maxBytes: Int
  let fileSystem: any FileSystem
  let now: Date

  static let license =
    "CC BY 4.0: COVID-19 Data Repository by the Center for Systems Science and Engineering (CSSE) at Johns Hopkins University"

  /// One file's country totals.
  private struct Table {
    var start: Day
    var countries: [String] = []
    var totals: [[Double]] = []
  }

  func load() async throws(IngestError) -> Dataset {
    let (seriesInputs, lookup) = Self.split(inputs)
    let metrics = try Self.metrics(for: seriesInputs)
    var hasher = ContentHash()
    var regions: [String: Region] = [:]
    var series: [CorrectionEngine.Series] = []
    var notes: [IngestNote] = []
    let engine = CorrectionEngine(policy: corrections)
    for (path, metric) in zip(seriesInputs, metrics) {
      let file = try InputFile.read(path: path, maxBytes: maxBytes, fileSystem: fileSystem)
      hasher.update(file.bytes)
      let table = try Self.parse(file, now: now)
      for (country, totals) in zip(table.countries, table.totals) {
        let region = Region(code: country, name: country)
        regions[region.id] = region
        let cumulative = CorrectionEngine.Series(
          regionID: region.id, metric: metric, start: table.start, step: 1,
          values: totals.map { $0.isNaN ? nil : $0 })
        let converted = engine.incident(fromCumulative: cumulative)
        series.append(converted.series)
        notes += converted.notes
      }
    }
    if let lookup {
      let file = try InputFile.read(path: lookup, maxBytes: maxBytes, fileSystem: fileSystem)
      hasher.update(file.bytes)
      let populations = try Self.populations(file)
      for (id, region) in regions {
        if let population = populations[region.code] { regions[id]?.population = population }
      }
    }
    let assembler = DatasetAssembler(
      kind: .jhu, sourceURL: InputFile.publicName(of: inputs), retrievedAt: now,
      contentSHA256: hasher.finalizeHex(), license: Self.license)
    return try assembler.assemble(frequency: .daily, regions: Array(regions.values), series: series, notes: notes)
  }

  /// The time-series inputs, and JHU's `UID_ISO_FIPS_LookUp_Table.csv` when given (recognised by
  /// its name): an optional further input that supplies country populations.
  static func split(_ inputs: [String]) -> (series: [String], lookup: String?) {
    let isLookup = { (path: String) in
      let name = URL(fileURLWithPath: path).lastPathComponent.lowercased()
      return name.contains("lookup") || name.contains("uid_iso_fips")
    }
    return (inputs.filter { !isLookup($0) }, inputs.first(where: isLookup))
  }

  /// Country populations from the lookup table's country rows (no province, no county).
  static func populations(_ file: InputFile) throws(IngestError) -> [String: Double] {
    var reader = CSVReader(file: file)
    let header = try CSVHeader(reading: &reader)
    let countryColumn = try header.require("country_region", aliases: "country/region")
    let provinceColumn = try header.require("province_state", aliases: "province/state")
    let populationColumn = try header.require("population")
    let countyColumn = header.index(of: "admin2")
    var out: [String: Double] = [:]
    var fields: [CSVReader.Field] = []
    while try reader.next(into: &fields) {
      try reader.requireWidth(fields, header.names.count)
      let province = reader.text(fields[provinceColumn]).trimmingCharacters(in: .whitespaces)
      let county = countyColumn.map { reader.text(fields[$0]).trimmingCharacters(in: .whitespaces) } ?? ""
      guard province.isEmpty, county.isEmpty else { continue }
      let country = try reader.key(fields[countryColumn], column: countryColumn, name: "Country_Region")
      guard let population = try reader.count(fields[populationColumn], column: populationColumn, name: "Population"),
        InputLimits.populationProblem(population) == nil
      else { continue }
      out[country] = population
    }
    return out
  }

  /// The metric of each input, from its file name or else its position.
  static func metrics(for inputs: [String]) throws(IngestError) -> [Metric] {
    guard (1...2).contains(inputs.count) else {
      throw .invalidOption(
        key: "inputs", detail: "the jhu source reads the confirmed and the deaths file; \(inputs.count) given")
    }
    var metrics: [Metric] = []
    for (index, path) in inputs.enumerated() {
      let name = URL(fileURLWithPath: path).lastPathComponent.lowercased()
      let metric: Metric
      if name.contains("recovered") {
        throw .invalidOption(
          key: "inputs", detail: "\(path): recovered counts are not supported; give the confirmed and deaths files")
      } else if name.contains("deaths") {
        metric = .deaths
      } else if name.contains("confirmed") || name.contains("cases") {
        metric = .cases
      } else {
        metric = index == 0 ? .cases : .deaths
      }
      guard !metrics.contains(metric) else {
        throw .invalidOption(
          key: "inputs", detail: "two inputs hold \(metric.rawValue); give one confirmed and one deaths file")
      }
      metrics.append(metric)
    }
    return metrics
  }

  private static func parse(_ file: InputFile, now: Date) throws(IngestError) -> Table {
    var reader = CSVReader(file: file)
    let header = try CSVHeader(reading: &reader)
    let provinceColumn = try header.require("province/state", aliases: "province_state")
    let countryColumn = try header.require("country/region", aliases: "country_region")
    let firstDateColumn =
      max(provinceColumn, countryColumn, header.index(of: "lat") ?? 0, header.index(of: "long", "long_") ?? 0) + 1
    let headerFields = header.fields
    var start: Day?
    for column in firstDateColumn..<headerFields.count {
      let field = headerFields[column]
      guard let day = CellParser.usDay(file.bytes, field.start, field.end) else {
        throw .badDate(
          InputPosition(file: file.path, line: header.line, column: column + 1), text: header.names[column],
          expected: "M/D/YY")
      }
      if let problem = InputLimits.dateProblem(day, now: now) {
        throw .outOfLimits(
          InputPosition(file: file.path, line: header.line, column: column + 1), text: header.names[column],
          detail: problem)
      }
      let first = start ?? day
      guard day - first == column - firstDateColumn else {
        throw .irregularDates(
          InputPosition(file: file.path, line: header.line, column: column + 1, columnName: header.names[column]),
          detail: "date columns must be consecutive days starting at \(first)")
      }
      start = first
    }
    guard let start else { throw .emptyFile(path: file.path) }
    let dayCount = headerFields.count - firstDateColumn
    var table = Table(start: start)
    var countryIndex: [String: Int] = [:]
    var rowLines: [String: Int] = [:]
    var fields: [CSVReader.Field] = []
    fields.reserveCapacity(headerFields.count)
    while try reader.next(into: &fields) {
      try reader.requireWidth(fields, headerFields.count)
      let province = reader.text(fields[provinceColumn])
      let country = try reader.key(fields[countryColumn], column: countryColumn, name: header.names[countryColumn])
      let key = province + "\u{1F}" + country
      if let firstLine = rowLines[key] {
        throw .duplicateRow(
          reader.position(column: countryColumn, name: header.names[countryColumn]), firstLine: firstLine,
          key: province.isEmpty ? "country \"\(country)\"" : "province \"\(province)\" of \"\(country)\"")
      }
      rowLines[key] = reader.line
      let index: Int
      if let known = countryIndex[country] {
        index = known
      } else {
        index = table.countries.count
        countryIndex[country] = index
        table.countries.append(country)
        table.totals.append([Double](repeating: 0, count: dayCount))
      }
      for column in firstDateColumn..<fields.count {
        let value = try reader.observed(fields[column], column: column, name: header.names[column])
        table.totals[index][column - firstDateColumn] += value ?? .nan
      }
    }
    guard !table.countries.isEmpty else { throw .emptyFile(path: file.path) }
    return table
  }
}
