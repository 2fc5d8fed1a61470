/// A regular series of incident counts for one region and metric.
///
/// Values are on a fixed grid (`start`, `start + step`, …); `nil` marks a missing report.
/// Ingest converts cumulative inputs to incident counts before building one.
public struct IncidentSeries: Hashable, Codable, Sendable {

  /// Explicit snake_case keys, so any JSON client decodes the files without key strategies.
  enum CodingKeys: String, CodingKey {
    case region
    case metric
    case frequency
    case start
    case values
  }
  public var region: Region
  public var metric: Metric
  public var frequency: Frequency
  public var start: Day
  public var values: [Double?]

  public init(region: Region, metric: Metric, frequency: Frequency, start: Day, values: [Double?]) {
    self.region = region
    self.metric = metric
    self.frequency = frequency
    self.start = start
    self.values = values
  }

  /// Date of the value at `index`.
  public func date(at index: Int) -> Day { start.adding(days: index * frequency.days) }

  /// The value observed on `day`: nil when it is missing, off the grid (a weekly series has
  /// one date a week) or outside the series.
  public func value(on day: Day) -> Double? {
    let offset = day.ordinal - start.ordinal
    guard offset >= 0, offset % frequency.days == 0, offset / frequency.days < values.count else { return nil }
    return values[offset / frequency.days]
  }

  /// Date of the last grid point.
  public var end: Day { date(at: max(values.count - 1, 0)) }

  /// Values with interior gaps filled by linear interpolation and leading or trailing gaps
  /// carried from the nearest value; empty when nothing was observed.
  public var filledValues: [Double] {
    let known = values.indices.filter { values[$0] != nil }
    guard let first = known.first, let last = known.last else { return [] }
    var out = [Double](repeating: 0, count: values.count)
    var previous = first
    for index in values.indices {
      if let value = values[index] {
        out[index] = value
        previous = index
      } else if index < first {
        out[index] = values[first]!
      } else if index > last {
        out[index] = values[last]!
      } else {
        let next = known.first { $0 > index }!
        let a = values[previous]!
        let b = values[next]!
        out[index] = a + (b - a) * Double(index - previous) / Double(next - previous)
      }
    }
    return out
  }

  /// Sum of all observed values.
  public var total: Double { values.reduce(0) { $0 + ($1 ?? 0) } }
}

/// A note an ingest adapter made about the data, e.g. a downward correction it handled.
public struct IngestNote: Hashable, Codable, Sendable {
  public var regionID: String
  public var metric: Metric
  public var date: Day
  public var message: String

  public init(regionID: String, metric: Metric, date: Day, message: String) {
    self.regionID = regionID
    self.metric = metric
    self.date = date
    self.message = message
  }
}

/// Everything one ingest produced: the series, their provenance and notes.
public struct Dataset: Sendable, Hashable, Codable {
  public var provenance: Provenance
  public var frequency: Frequency
  public var regions: [Region]
  public var series: [IncidentSeries]
  public var notes: [IngestNote]
  /// The source's own target name per metric (a hub's `wk inc flu hosp`), which published files
  /// keep so that the hub's tools score them as they are; `Metric.hubTarget` otherwise.
  public var targetNames: [Metric: String]?

  public init(
    provenance: Provenance, frequency: Frequency, regions: [Region], series: [IncidentSeries],
    notes: [IngestNote] = []
  ) {
    self.provenance = provenance
    self.frequency = frequency
    self.regions = regions
    self.series = series
    self.notes = notes
  }

  /// Metrics present, in canonical order.
  public var metrics: [Metric] { Array(Set(series.map(\.metric))).sorted() }

  /// The target name published for `metric`'s incident forecasts.
  public func targetName(of metric: Metric) -> String {
    targetNames?[metric] ?? metric.hubTarget(frequency)
  }

  /// The series of `metric` with the most counts first (ties by region id), at most `limit` of
  /// them: the regions benchmarks and skill checks look at.
  public func largestSeries(of metric: Metric, limit: Int? = nil) -> [IncidentSeries] {
    // Each total summed once (not twice per comparison), and indices sorted instead of series.
    let members = series.indices.filter { series[$0].metric == metric }
    let totals = members.map { series[$0].total }
    let order = members.indices.sorted {
      totals[$0] != totals[$1] ? totals[$0] > totals[$1] : series[members[$0]].region.id < series[members[$1]].region.id
    }
    return order.prefix(limit ?? order.count).map { series[members[$0]] }
  }

  /// The series of one region and metric.
  public func series(region id: String, metric: Metric) -> IncidentSeries? {
    series.first { $0.region.id == id && $0.metric == metric }
  }
}
