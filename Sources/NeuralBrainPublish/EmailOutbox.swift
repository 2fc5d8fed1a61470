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

  /// Writes `message` for `runID` and makes it the latest, each through a temporary file
  /// renamed into place; prunes the oldest messages beyond `keep`.
  @discardableResult
  public func store(_ message: [UInt8], runID: String) throws(PublishError) -> URL {
    guard Slug.isValid(runID) else {
      throw .cannotWrite(path: runID, reason: "the run id is not a safe file name")
    }
    let dated = directory.appendingPathComponent("\(runID).eml")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: directory.path, reason: error.localizedDescription)
    }
    for target in [dated, latest] {
      let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).partial")
      unlink(temporary.path)
      try ReleasePublisher.write(message, to: temporary.path)
      guard rename(temporary.path, target.path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary.path)
        throw .cannotWrite(path: target.path, reason: reason)
      }
    }
    prune()
    return dated
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
