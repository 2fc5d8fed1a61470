import Foundation

/// What a finished run reports on its last line.
public struct RunSummary: Sendable, Hashable {
  public var runID: String
  public var regions: Int
  public var provider: String
  public var model: String
  public var fallbackUsed: Bool
  public var releaseDirectory: URL
  public var seconds: Double
  /// The earlier run whose release was published again, unchanged; nil when this run rendered.
  public var reusedFrom: String? = nil

  /// `published 20 regions with local (local-ensemble-v3) to output/releases/… in 0.84 s`.
  public var line: String {
    if let reusedFrom {
      return "nothing changed since run \(reusedFrom): published its \(regions) regions again (hard links) to "
        + "\(releaseDirectory.path) in \(String(format: "%.2f", seconds)) s [run \(runID)]"
    }
    let fallback = fallbackUsed ? " (fallback)" : ""
    return "published \(regions) regions with \(provider) (\(model))\(fallback) to "
      + "\(releaseDirectory.path) in \(String(format: "%.2f", seconds)) s [run \(runID)]"
  }
}
