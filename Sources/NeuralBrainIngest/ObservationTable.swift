import Foundation
import NeuralBrainCore

/// Collects long-format observations `(region, metric, date, value)`, rejects duplicate rows
/// and lays each series on a regular daily or weekly grid with `nil` for missing dates.
struct ObservationTable {
  private struct Key: Hashable {
    var regionID: String
    var metric: Metric
  }

  private struct Cell {
    var value: Double?
    var line: Int
  }

  let path: String
  /// The run's clock: observations dated later than a day after it are refused.
  let now: Date
  private(set) var regions: [String: Region] = [:]
  private var regionLines: [String: Int] = [:]
  /// The id each code became, for rows that repeat a known region.
  private var idByCode: [String: String] = [:]
  private var cells: [Key: DayGrid<Cell>] = [:]
  private var firstLineOfDay = DayGrid<Int>()

  init(path: String, now: Date) {
    self.path = path
    self.now = now
  }

  /// Registers a region (or updates its name and population) and returns its id. Two codes
  /// that slug to the same id are an error: their series would be merged silently.
  mutating func region(code: String, name: String, population: Double?, at position: InputPosition)
    throws(IngestError) -> String
  {
    // Long-format files repeat a region on every row: a row that says nothing new about it
    // skips the checks its first row passed.
    if let id = idByCode[code], let known = regions[id], known.name == (name.isEmpty ? code : name),
      population == nil || population == known.population
    {
      return id
    }
    if let problem = InputLimits.textProblem(name) { throw .outOfLimits(position, text: name, detail: problem) }
    if let population, let problem = InputLimits.populationProblem(population) {
      throw .outOfLimits(position, text: "population " + String(format: "%g", population), detail: problem)
    }
    let candidate = Region(code: code, name: name.isEmpty ? code : name, population: population)
    if var existing = regions[candidate.id] {
      guard existing.code == code else {
        throw .malformedRow(
          position,
          detail:
            "region \"\(code)\" and region \"\(existing.code)\" (line \(regionLines[candidate.id] ?? 0)) have the same id \"\(candidate.id)\"; rename one"
        )
      }
      if let population { existing.population = population }
      regions[candidate.id] = existing
    } else {
      regions[candidate.id] = candidate
      regionLines[candidate.id] = position.line
    }
    idByCode[code] = candidate.id
    return candidate.id
  }

  /// Sets the population of a known region (one outside `InputLimits` counts as unknown).
  mutating func setPopulation(_ population: Double, regionID: String) {
    guard InputLimits.populationProblem(population) == nil else { return }
    regions[regionID]?.population = population
  }

  /// Adds one observation; `value` nil records a reported-but-missing value.
  mutating func add(regionID: String, metric: Metric, day: Day, value: Double?, at position: InputPosition)
    throws(IngestError)
  {
    if let problem = InputLimits.dateProblem(day, now: now) {
      throw .outOfLimits(position, text: day.iso, detail: problem)
    }
    let key = Key(regionID: regionID, metric: metric)
    if let first = cells[key, default: DayGrid()].insert(Cell(value: value, line: position.line), on: day) {
      let code = regions[regionID]?.code ?? regionID
      throw .duplicateRow(
        position, firstLine: first.line, key: "region \"\(code)\", metric \(metric.rawValue), date \(day)")
    }
    firstLineOfDay.insert(position.line, on: day)
  }

  /// True when no row was added.
  var isEmpty: Bool { cells.isEmpty }

  /// The frequency the dates imply: weekly when every date is a whole number of weeks from
  /// the first, daily otherwise. `required` (e.g. the hub's weekly) turns a mismatch into an
  /// error; spacing that is neither daily nor weekly (e.g. every 3 days) is always an error.
  func frequency(required: Frequency? = nil) throws(IngestError) -> Frequency {
    let days = firstLineOfDay.entries.map(\.day)
    guard let first = days.first else { return required ?? .daily }
    var spacing = 0
    for day in days.dropFirst() { spacing = Self.gcd(spacing, day - first) }
    if spacing == 0 || spacing % 7 == 0 { return required ?? (spacing == 0 ? .daily : .weekly) }
    if spacing == 1, required != .weekly { return .daily }
    let offender = days.first { ($0 - first) % 7 != 0 } ?? first
    let expectation = required == .weekly ? "weekly dates (the same weekday every week)" : "daily or weekly dates"
    throw .irregularDates(
      InputPosition(file: path, line: firstLineOfDay[offender] ?? 0, column: 1),
      detail: "date \(offender) is \(offender - first) days after the first date \(first); expected \(expectation)")
  }

  /// Every series on a grid of `frequency`, in no particular order (`DatasetAssembler` sorts).
  func series(frequency: Frequency) -> [CorrectionEngine.Series] {
    cells.compactMap { key, byDay in
      guard let first = byDay.first, let last = byDay.last else { return nil }
      let step = frequency.days
      var values = [Double?](repeating: nil, count: (last - first) / step + 1)
      for (day, cell) in byDay.entries { values[(day - first) / step] = cell.value }
      return CorrectionEngine.Series(
        regionID: key.regionID, metric: key.metric, start: first, step: step, values: values)
    }
  }

  private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}

extension ObservationTable {
  /// The data set of a one-file source: every series passed through `settle` (corrections, or
  /// cumulative totals to counts per period) and assembled with `file`'s provenance.
  func dataset(
    kind: SourceKind, file: InputFile, now: Date, license: String?,
    settle: (CorrectionEngine.Series) -> (series: CorrectionEngine.Series, notes: [IngestNote])
  ) throws(IngestError) -> Dataset {
    guard !isEmpty else { throw .emptyFile(path: file.path) }
    let frequency = try frequency()
    var series: [CorrectionEngine.Series] = []
    var notes: [IngestNote] = []
    for item in self.series(frequency: frequency) {
      let settled = settle(item)
      series.append(settled.series)
      notes += settled.notes
    }
    let assembler = DatasetAssembler(
      kind: kind, sourceURL: InputFile.publicName(of: [file.path]), retrievedAt: now,
      contentSHA256: ContentHash.hex(file.bytes), license: license)
    return try assembler.assemble(frequency: frequency, regions: Array(regions.values), series: series, notes: notes)
  }
}
