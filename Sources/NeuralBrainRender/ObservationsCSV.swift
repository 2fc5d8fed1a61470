import NeuralBrainCore

/// The input a run forecast from, as one CSV (`input/observations.csv` of a dated snapshot).
///
/// Every archived forecast can then be reproduced and backtested from the same data, as
/// Delphi's as-of versioning allows (conventions §3.5). Missing values stay empty.
public enum ObservationsCSV {
  static let header = "region_id,region_code,region_name,metric,frequency,date,value,as_of"

  /// The file for `dataset`, rows by region id, metric and date.
  public static func file(_ dataset: Dataset) -> SiteFile? {
    guard let path = SitePath("input/observations.csv") else { return nil }
    let asOf = dataset.provenance.dataAsOf.iso
    var lines = [header]
    for series in dataset.series.sorted(by: { ($0.region.id, $0.metric) < ($1.region.id, $1.metric) }) {
      let prefix =
        [series.region.id, series.region.code, series.region.name, series.metric.rawValue, series.frequency.rawValue]
        .map(Markup.csvField).joined(separator: ",") + ","
      for (index, value) in series.values.enumerated() {
        lines.append(
          prefix + series.date(at: index).iso + "," + (value.map { NumberFormat.trimmed($0) } ?? "") + "," + asOf)
      }
    }
    return SiteFile(path: path, text: lines.joined(separator: "\n") + "\n")
  }
}
