import Foundation
import NeuralBrainCore
import NeuralBrainStore

/// What `neuralbrain status` shows: is the site fresh, which provider is locked, how did the
/// recent runs end. Encoded as `status --json`; `lines` is the text form.
public struct StatusReport: Encodable, Sendable {
  /// The output directory reported on: `--output`, else where the last successful run published.
  public var outputDirectory: String
  public var liveRelease: String?
  public var lock: LockState?
  public var lastSuccess: RunRecord?
  public var lastRun: RunRecord?
  public var recentRuns: [RunRecord]
  /// Days with an archive snapshot, newest first.
  public var archiveSnapshots: [String]
  /// The summary e-mail `email --send` would deliver.
  public var latestEmail: String?
  /// What the live release lacks and why (no sitemap without a base URL).
  public var notes: [String]

  /// The report as lines of text for a terminal.
  public var lines: [String] {
    var lines = [
      "live release: \(liveRelease.map { "\($0) (\(outputDirectory)/current)" } ?? "none in \(outputDirectory)")"
    ]
    if let lock {
      lines.append(
        "provider lock: \(lock.provider) since \(ISO8601DateFormatter().string(from: lock.acquiredAt)), "
          + "\(lock.consecutiveFailures) consecutive failures")
    } else {
      lines.append("provider lock: none yet (the first run locks the first configured provider)")
    }
    lines.append(
      "archive: "
        + (archiveSnapshots.first.map { "\(archiveSnapshots.count) snapshots, newest \($0)" } ?? "no snapshot yet"))
    lines.append("summary e-mail: \(latestEmail ?? "none yet")")
    lines += notes.map { "note: \($0)" }
    if let lastRun, lastRun.status == .failed {
      lines.append(
        "last run FAILED: \(lastRun.id): \(lastRun.error ?? "unknown error") — the previous release is still live")
    }
    if let lastRun, lastRun.status == .abandoned {
      lines.append(
        "last run ABANDONED: \(lastRun.id) ended without recording how (killed or crashed); the next run marks it")
    }
    for run in recentRuns {
      let provider = run.provider.map { " \($0)/\(run.model ?? "?")" } ?? ""
      let fallback = run.fallbackUsed ? " (fallback)" : ""
      let tokens = run.completionTokens.map { "  tokens=\(run.promptTokens ?? 0)+\($0)" } ?? ""
      let reused = run.reusedFrom.map { "  unchanged: release of \($0) linked" } ?? ""
      lines.append(
        "  \(run.id)  \(run.status.rawValue)\(provider)\(fallback)  regions=\(run.regions)  "
          + "data_as_of=\(run.dataAsOf ?? "-")\(tokens)\(reused)")
    }
    return lines
  }
}
