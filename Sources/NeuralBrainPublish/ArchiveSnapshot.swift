import Foundation
import NeuralBrainCore

/// One immutable dated snapshot of a release's data: `<output>/archive/YYYY-MM-DD/` holds the
/// JSON and CSV files of the first release published that UTC day, plus `SHA256SUMS`.
///
/// Researchers download and score archived forecasts, so a snapshot is never rewritten: a later
/// run on the same day leaves it as it is. Snapshots live beside the releases, not in them, so
/// pruning old releases keeps the history; every release links `archive` to them.
public struct ArchiveSnapshot: Sendable {
  /// The UTC day the snapshot is for.
  public var date: Day
  /// Files the snapshot keeps beside the release's own data files (the input data, say), with
  /// paths relative to the snapshot folder; the release's file wins where both have a path.
  /// They are produced only when the snapshot is written.
  public var files: [StreamedFile]

  public init(date: Day, files: [StreamedFile] = []) {
    self.date = date
    self.files = files
  }

  /// Whether a snapshot keeps the release's file at `path`: its data — JSON and CSV — but not
  /// the list of snapshots, which changes with every day.
  public static func keeps(_ path: SitePath) -> Bool {
    ["json", "csv"].contains(path.fileExtension) && path != ArchiveIndex.path
  }

  /// The manifest in `sha256sum --check` format: `<hex>  <path>` per file, sorted by path.
  public static func checksums(_ digests: [SitePath: String]) -> String {
    digests.sorted { $0.key < $1.key }.map { path, digest in digest + "  " + path.description + "\n" }.joined()
  }
}
