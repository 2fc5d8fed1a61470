import Foundation
import NeuralBrainCore

/// Where each run's summary e-mail is kept: `<output>/email/<run-id>.eml`, and `latest.eml`,
/// the message `neuralbrain email --send` delivers.
///
/// The folder is beside `current`, not in it: the web root never serves addresses. Every
/// message is kept for audit and replay, up to `keep`.
public struct EmailOutbox: Sendable {
  public var directory: URL
  /// How many dated messages to keep.
  public var keep: Int

  public init(directory: URL, keep: Int = 50) {
    self.directory = directory
    self.keep = max(keep, 1)
  }

  /// The newest message.
  public var latest: URL { directory.appendingPathComponent("latest.eml") }

  /// Where `runID`'s message waits while its release is not live yet.
  func pending(_ runID: String) -> URL { directory.appendingPathComponent(".\(runID).eml.pending") }

  /// Writes `message` for `runID` and makes it the latest, each through a temporary file
  /// renamed into place; prunes the oldest messages beyond `keep`.
  @discardableResult
  public func store(_ message: [UInt8], runID: String) throws(PublishError) -> URL {
    try stage(message, runID: runID)
    return try commit(runID: runID) ?? directory.appendingPathComponent("\(runID).eml")
  }

  /// Writes `runID`'s message aside before its release goes live, so that a run killed right
  /// after the switch still gets its message filed by the next run (`commit`).
  public func stage(_ message: [UInt8], runID: String) throws(PublishError) {
    guard Slug.isValid(runID) else {
      throw .cannotWrite(path: runID, reason: "the run id is not a safe file name")
    }
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: directory.path, reason: error.localizedDescription)
    }
    let temporary = directory.appendingPathComponent(".\(runID).eml.partial")
    unlink(temporary.path)
    try ReleasePublisher.write(message, to: temporary.path)
    guard rename(temporary.path, pending(runID).path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary.path)
      throw .cannotWrite(path: pending(runID).path, reason: reason)
    }
  }

  /// Files `runID`'s staged message as `<run-id>.eml` and `latest.eml`; nil when none is staged.
  @discardableResult
  public func commit(runID: String) throws(PublishError) -> URL? {
    guard Slug.isValid(runID), let message = FileManager.default.contents(atPath: pending(runID).path) else {
      return nil
    }
    let dated = directory.appendingPathComponent("\(runID).eml")
    for target in [dated, latest] {
      let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).partial")
      unlink(temporary.path)
      try ReleasePublisher.write(Array(message), to: temporary.path)
      guard rename(temporary.path, target.path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary.path)
        throw .cannotWrite(path: target.path, reason: reason)
      }
    }
    unlink(pending(runID).path)
    prune()
    return dated
  }

  /// Removes staged messages and temporary files other runs left (their release never went live).
  public func discardLeftovers() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasPrefix(".") && (name.hasSuffix(".pending") || name.hasSuffix(".partial")) {
      unlink(directory.appendingPathComponent(name).path)
    }
  }

  /// Removes all but the newest `keep` dated messages (run ids sort in time order).
  func prune() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    let dated = names.filter { $0.hasSuffix(".eml") && $0 != latest.lastPathComponent && !$0.hasPrefix(".") }
    for name in dated.sorted(by: >).dropFirst(keep) {
      try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }
}
