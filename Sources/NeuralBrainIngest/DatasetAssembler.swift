import Foundation
import NeuralBrainCore

/// The last step every file and API source shares: series on their grid become a `Dataset`
/// with provenance (`dataAsOf` = the last date with a value). Regions, series and notes are
/// sorted by region id (then metric, date), so output never depends on input row order.
struct DatasetAssembler {
  var kind: SourceKind
  var sourceURL: String
  var retrievedAt: Date
  var contentSHA256: String
  var license: String?

  /// Builds the dataset; throws `emptyFile` naming `sourceURL` when no value was observed.
  func assemble(
    frequency: Frequency, regions: [Region], series: [CorrectionEngine.Series], notes: [IngestNote]
  ) throws(IngestError) -> Dataset {
    let regionByID = Dictionary(regions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var lastDay: Day?
    var built: [IncidentSeries] = []
    for item in series.sorted(by: { ($0.regionID, $0.metric) < ($1.regionID, $1.metric) }) {
      guard let region = regionByID[item.regionID], !item.values.isEmpty else { continue }
      if let lastIndex = item.values.lastIndex(where: { $0 != nil }) {
        lastDay = max(lastDay ?? item.date(lastIndex), item.date(lastIndex))
      }
      built.append(
        IncidentSeries(
          region: region, metric: item.metric, frequency: frequency, start: item.start, values: item.values))
    }
    guard let lastDay else { throw .emptyFile(path: sourceURL) }
    let used = Set(built.map(\.region.id))
    let provenance = Provenance(
      source: kind.rawValue, sourceURL: sourceURL, retrievedAt: retrievedAt, dataAsOf: lastDay,
      contentSHA256: contentSHA256, isSynthetic: false, license: license)
    return Dataset(
      provenance: provenance, frequency: frequency,
      regions: regions.filter { used.contains($0.id) }.sorted { $0.id < $1.id },
      series: built,
      notes: notes.sorted {
        ($0.regionID, $0.metric, $0.date, $0.message) < ($1.regionID, $1.metric, $1.date, $1.message)
      })
  }
}
