import Foundation
import NeuralBrainCore

/// One immutable dated snapshot of a release's data: `<output>/archive/YYYY-MM-DD/` holds the
/// JSON and CSV files of the first release published that UTC day, plus `SHA256SUMS`.
///
/// Researchers download and score archived forecasts, so a snapshot is never rewritten: a later
/// run on the same day leaves it as it is. Snapshots live beside the releases, not in them, so
/// pruning old releases keeps the history; every release links `archive` to them.
public struct ArchiveSnapshot: Sendable, Hashable {
  /// The UTC day the snapshot is for.
  public var date: Day
  /// Files with paths relative to the snapshot folder.
  public var files: [SiteFile]

  public init(date: Day, files: [SiteFile]) {
    self.date = date
    self.files = files
  }

  /// The data files of a release — JSON and CSV — which a snapshot keeps.
  public static func dataFiles(of files: [SiteFile]) -> [SiteFile] {
    files.filter { ["json", "csv"].contains($0.path.fileExtension) }
  }

  /// The manifest in `sha256sum --check` format: `<hex>  <path>` per file, sorted by path.
  public static func checksums(_ files: [SiteFile]) -> String {
    // Hashed largest first, so that the big data files do not finish on one core alone.
    let largestFirst = files.indices.sorted { files[$0].contents.count > files[$1].contents.count }
    let digests = largestFirst.concurrentMap { SHA256Hasher.hex(files[$0].contents) }
    return zip(largestFirst, digests).sorted { files[$0.0].path < files[$1.0].path }.map { index, digest in
      digest + "  " + files[index].path.description + "\n"
    }.joined()
  }

  /// The snapshot's files and its `SHA256SUMS`.
  var filesWithChecksums: [SiteFile] {
    guard let manifest = SitePath(ArchiveLayout.manifest) else { return files }
    return files + [SiteFile(path: manifest, text: Self.checksums(files))]
  }
}
