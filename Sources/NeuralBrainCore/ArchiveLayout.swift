import Foundation

/// Where the dated snapshots live: `archive/YYYY-MM-DD/` with a `SHA256SUMS` manifest, one per
/// UTC day of a run's generation time.
///
/// The publisher that writes them and the pages, feed and e-mail that link to them must agree
/// on the day and the path, so both are defined here once.
public enum ArchiveLayout {
  /// The folder beside the releases, linked into each release under the same name.
  public static let folder = "archive"
  /// The checksum file of every snapshot, in `sha256sum --check` format.
  public static let manifest = "SHA256SUMS"

  /// The snapshot day of a run generated at `generatedAt`.
  public static func day(of generatedAt: Date) -> Day { Day(containing: generatedAt) }

  /// `archive/YYYY-MM-DD/`, relative to the site root.
  public static func path(_ day: Day) -> String { "\(folder)/\(day.iso)/" }
}
