import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// Where each run's summary e-mail is kept: `<output>/email/<run-id>.eml`, and `latest.eml`,
/// the message `neuralbrain email --send` delivers.
///
/// The folder is beside `current`, not in it: the web root never serves addresses. Every
/// message is kept for audit and replay, up to `keep`.
public struct EmailOutbox: Sendable {
  public var directory: URL
  /// How many dated messages to keep.
  public var keep: Int
  public var fileSystem: any FileSystem

  public init(directory: URL, keep: Int = 50, fileSystem: any FileSystem) {
    self.directory = directory
    self.keep = max(keep, 1)
    self.fileSystem = fileSystem
  }

  /// The newest message.
  public var latest: URL { directory.appendingPathComponent("latest.eml") }

  /// Where `runID`'s message waits while its release is not live yet.
  func pending(_ runID: String) -> URL { directory.appendingPathComponent(".\(runID).eml.pending") }

  /// Writes `message` for `runID` and makes it the latest, each replaced atomically; prunes the
  /// oldest messages beyond `keep`.
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
    do throws(FileSystemError) {
      try fileSystem.createDirectory(directory)
      try fileSystem.replace(pending(runID), bytes: message)
    } catch {
      throw .cannotWrite(path: error.path, reason: error.reason)
    }
  }

  /// Files `runID`'s staged message as `<run-id>.eml` and `latest.eml`; nil when none is staged.
  @discardableResult
  public func commit(runID: String) throws(PublishError) -> URL? {
    guard Slug.isValid(runID), let message = try? fileSystem.contents(of: pending(runID)) else { return nil }
    let dated = directory.appendingPathComponent("\(runID).eml")
    do throws(FileSystemError) {
      for target in [dated, latest] { try fileSystem.replace(target, bytes: Array(message)) }
      try fileSystem.remove(pending(runID))
    } catch {
      throw .cannotWrite(path: error.path, reason: error.reason)
    }
    prune()
    return dated
  }

  /// Removes staged messages and temporary files other runs left (their release never went live).
  public func discardLeftovers() {
    for name in (try? fileSystem.list(directory)) ?? []
    where name.hasPrefix(".") && (name.hasSuffix(".pending") || name.hasSuffix(".partial")) {
      try? fileSystem.remove(directory.appendingPathComponent(name))
    }
  }

  /// Removes all but the newest `keep` dated messages (run ids sort in time order).
  func prune() {
    let names = (try? fileSystem.list(directory)) ?? []
    let dated = names.filter { $0.hasSuffix(".eml") && $0 != latest.lastPathComponent && !$0.hasPrefix(".") }
    for name in dated.sorted(by: >).dropFirst(keep) {
      try? fileSystem.remove(directory.appendingPathComponent(name))
    }
  }
}
