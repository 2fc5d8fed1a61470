import Foundation
import Logging
import NeuralBrainCore
import NeuralBrainPublish
import NeuralBrainStore

/// Settles what a killed or crashed run left, at the start of the next run (which holds the state
/// and output locks, so no other process is writing): staging folders are removed, a release that
/// went live before its run could record it is recorded as succeeded and gets its summary e-mail
/// filed, and every other run still recorded as running is marked abandoned.
struct RunReconciliation {
  var database: NeuralBrainDatabase
  var publisher: ReleasePublisher
  var outbox: EmailOutbox
  var logger: Logger

  func settle(at time: Date) throws {
    for path in publisher.removeStaleStaging() {
      logger.warning("removed what a killed run left", metadata: ["path": "\(path)"])
    }
    if let live = publisher.liveRunID(), var record = try database.run(id: live), record.status != .succeeded {
      record.status = .succeeded
      record.finishedAt = record.finishedAt ?? time
      record.error = nil
      try database.finishRun(record)
      try database.appendAudit([
        AuditEvent(
          time: time, type: .runFinished, provider: record.provider, runID: live,
          details: ["status": "succeeded", "reconciled": "the release went live before the run could record it"])
      ])
      _ = try? outbox.commit(runID: live)
      logger.warning(
        "an earlier run's release went live before it was recorded; recorded now", metadata: ["run": "\(live)"])
    }
    outbox.discardLeftovers()
    for abandoned in try database.abandonRunningRuns(at: time) {
      logger.warning(
        "an earlier run ended without recording how; marked abandoned", metadata: ["abandoned_run": "\(abandoned)"])
    }
  }
}
