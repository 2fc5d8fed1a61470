/// Identifies one series of a data set: a region id and a metric.
///
/// Provider output, stored forecasts and observations meet on it, so each lookup from one to
/// another is a dictionary access instead of a search through the data set.
public struct SeriesKey: Hashable, Sendable {
  public var regionID: String
  public var metric: Metric

  public init(regionID: String, metric: Metric) {
    self.regionID = regionID
    self.metric = metric
  }
}

extension IncidentSeries {
  /// The series' identity within its data set.
  public var key: SeriesKey { SeriesKey(regionID: region.id, metric: metric) }
}
