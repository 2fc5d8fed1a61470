import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline
import NeuralBrainPublish
import NeuralBrainStore

/// `neuralbrain status`: is the site fresh, which provider is locked, how did recent runs end.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show the live release, the provider lock and the last runs.")

  @OptionGroup var global: GlobalOptions

  @Option(name: .long, help: "Output directory whose live release to report (default: output).")
  var output: String?

  @Flag(name: .long, help: "Print JSON instead of text.")
  var json = false

  /// What `status --json` prints.
  struct Report: Encodable {
    var liveRelease: String?
    var lock: LockState?
    var lastSuccess: RunRecord?
    var lastRun: RunRecord?
    var recentRuns: [RunRecord]
    /// Days with an archive snapshot, newest first.
    var archiveSnapshots: [String]
    /// The summary e-mail `email --send` would deliver.
    var latestEmail: String?
  }

  func run() async throws {
    try await reportingFailures {
      let file = try global.loadConfiguration()
      let database = try global.openDatabase(file, readOnly: true)
      let outputDirectory = URL(fileURLWithPath: output ?? file.outputDirectory ?? "output")
      let publisher = ReleasePublisher(outputDirectory: outputDirectory)
      let outbox = EmailOutbox(directory: outputDirectory.appendingPathComponent("email"))
      let report: Report
      do {
        // A run recorded as running whose process is gone (killed, crashed) is abandoned; the
        // next run records that, and status says so already.
        let alive = RunLock.isHeld(stateDirectory: global.stateDirectory(file))
        let live = publisher.liveRunID()
        let runs = try database.runs(limit: 10).map { run in
          var shown = run
          // Killed after its release went live: published, recorded so by the next run.
          if run.status == .running, !alive { shown.status = run.id == live ? .succeeded : .abandoned }
          return shown
        }
        report = Report(
          liveRelease: publisher.liveRunID(), lock: try database.loadLock()?.state,
          lastSuccess: try database.lastSuccessfulRun(), lastRun: runs.first, recentRuns: runs,
          archiveSnapshots: publisher.archivedDates().reversed().map(\.iso),
          latestEmail: FileManager.default.fileExists(atPath: outbox.latest.path) ? outbox.latest.path : nil)
      } catch {
        throw CommandFailure(error)
      }
      if json {
        print(try CommandJSON.encode(report))
        return
      }
      print("live release: \(report.liveRelease ?? "none")")
      if let lock = report.lock {
        print("provider lock: \(lock.provider) since \(CommandJSON.iso(lock.acquiredAt)), \(lock.consecutiveFailures) consecutive failures")
      } else {
        print("provider lock: none yet (the first run locks the first configured provider)")
      }
      let snapshots = report.archiveSnapshots
      print("archive: " + (snapshots.first.map { "\(snapshots.count) snapshots, newest \($0)" } ?? "no snapshot yet"))
      print("summary e-mail: \(report.latestEmail ?? "none yet")")
      if let last = report.lastRun, last.status == .failed {
        print("last run FAILED: \(last.id): \(last.error ?? "unknown error") — the previous release is still live")
      }
      if let last = report.lastRun, last.status == .abandoned {
        print("last run ABANDONED: \(last.id) ended without recording how (killed or crashed); the next run marks it")
      }
      for run in report.recentRuns {
        let provider = run.provider.map { " \($0)/\(run.model ?? "?")" } ?? ""
        let fallback = run.fallbackUsed ? " (fallback)" : ""
        let tokens = run.completionTokens.map { "  tokens=\(run.promptTokens ?? 0)+\($0)" } ?? ""
        print("  \(run.id)  \(run.status.rawValue)\(provider)\(fallback)  regions=\(run.regions)  data_as_of=\(run.dataAsOf ?? "-")\(tokens)")
      }
    }
  }
}
