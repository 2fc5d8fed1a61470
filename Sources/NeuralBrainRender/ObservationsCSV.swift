import Dispatch
import NeuralBrainCore
import Synchronization

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
  /// every core, the batches in order; the next batch is formatted while `emit` takes this one
  /// (it hashes and writes on one thread).
  public static func write(_ dataset: Dataset, to emit: ([UInt8]) throws -> Void) rethrows {
    let asOf = "," + dataset.provenance.dataAsOf.iso + "\n"
    try emit(Array(header.utf8))
    let series = dataset.series.sorted(by: { ($0.region.id, $0.metric) < ($1.region.id, $1.metric) })
    let batches = stride(from: 0, to: series.count, by: batchSize).map {
      series[$0..<min($0 + batchSize, series.count)]
    }
    guard let first = batches.first else { return }
    var current = first.concurrentMap { rows($0, asOf: asOf) }
    for index in batches.indices {
      let upcoming = Mutex<[[UInt8]]>([])
      let formatting = DispatchGroup()
      if index + 1 < batches.count {
        let next = batches[index + 1]
        formatter.async(group: formatting) {
          let pieces = next.concurrentMap { rows($0, asOf: asOf) }
          upcoming.withLock { $0 = pieces }
        }
      }
      // Also when `emit` throws: the formatter must be done with `upcoming` before it goes.
      defer { formatting.wait() }
      for piece in current { try emit(piece) }
      formatting.wait()
      current = upcoming.withLock { $0 }
    }
  }

  /// The thread that formats the next batch. A queue of its own, not a global one: the caller
  /// may be a thread of Swift's cooperative pool, which waits here, and the global queues are
  /// that pool's threads too (a wait for their work stalled until the pool grew).
  private static let formatter = DispatchQueue(label: "neuralbrain.observations-csv")

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
