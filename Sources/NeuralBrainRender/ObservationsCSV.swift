import NeuralBrainCore

/// The input a run forecast from, as one CSV (`input/observations.csv` of a dated snapshot).
///
/// Every archived forecast can then be reproduced and backtested from the same data, as
/// Delphi's as-of versioning allows (conventions §3.5). Missing values stay empty. At 10,000
/// daily regions the file has millions of rows, so it is produced one series at a time.
public enum ObservationsCSV {
  /// Where the file goes in a snapshot.
  public static let path = SitePath("input/observations.csv")!
  static let header = "region_id,region_code,region_name,metric,frequency,date,value,as_of\n"

  /// Calls `emit` with the file for `dataset` in pieces — the header, then one series after
  /// another by region id and metric, rows by date. The rows of a batch of series are written on
  /// every core, the batches in order.
  public static func write(_ dataset: Dataset, to emit: ([UInt8]) throws -> Void) rethrows {
    let asOf = "," + dataset.provenance.dataAsOf.iso + "\n"
    try emit(Array(header.utf8))
    let series = dataset.series.sorted(by: { ($0.region.id, $0.metric) < ($1.region.id, $1.metric) })
    for start in stride(from: 0, to: series.count, by: batchSize) {
      for piece in series[start..<min(start + batchSize, series.count)].concurrentMap({ rows($0, asOf: asOf) }) {
        try emit(piece)
      }
    }
  }

  /// Series formatted together: enough to keep both cores busy, few enough to hold (a daily
  /// series of three years is about 90 KB of rows, a batch about 23 MB).
  static let batchSize = 256

  /// The rows of one series.
  static func rows(_ series: IncidentSeries, asOf: String) -> [UInt8] {
    let prefix =
      [series.region.id, series.region.code, series.region.name, series.metric.rawValue, series.frequency.rawValue]
      .map(Markup.csvField).joined(separator: ",") + ","
    var piece: [UInt8] = []
    piece.reserveCapacity(series.values.count * (prefix.utf8.count + asOf.utf8.count + 20))
    for (index, value) in series.values.enumerated() {
      piece.append(contentsOf: prefix.utf8)
      piece.append(contentsOf: series.date(at: index).iso.utf8)
      piece.append(UInt8(ascii: ","))
      if let value { piece.append(contentsOf: NumberFormat.trimmed(value).utf8) }
      piece.append(contentsOf: asOf.utf8)
    }
    return piece
  }
}
