import Foundation
import NeuralBrainCore

/// Publishes a release atomically into an output directory.
///
/// Layout: `<output>/releases/<run-id>/` holds one complete site; `<output>/current` is a
/// symbolic link to the live one and is the web root. A new release is validated, written to a
/// temporary directory, renamed into place, and only then does `current` switch, by renaming a
/// temporary link over it: `rename(2)` is atomic, so a reader sees the old site or the new one,
/// never a mix. Any failure before the switch leaves the previous release live.
public struct ReleasePublisher: Sendable {
  public var outputDirectory: URL
  /// How many releases to keep on disk, the live one included.
  public var keepReleases: Int

  public init(outputDirectory: URL, keepReleases: Int = 5) {
    self.outputDirectory = outputDirectory
    self.keepReleases = max(keepReleases, 1)
  }

  /// The live link.
  public var currentLink: URL { outputDirectory.appendingPathComponent("current") }

  var releasesDirectory: URL { outputDirectory.appendingPathComponent("releases") }

  /// Validates, writes and switches to a release named `runID` (a safe slug).
  /// - Returns: the release directory.
  @discardableResult
  public func publish(_ files: [SiteFile], runID: String) throws(PublishError) -> URL {
    guard Slug.isValid(runID) else {
      throw .cannotWrite(path: runID, reason: "the run id is not a safe directory name")
    }
    try ReleaseValidator.validate(files)
    let release = releasesDirectory.appendingPathComponent(runID)
    let staging = releasesDirectory.appendingPathComponent(".\(runID).partial")
    let manager = FileManager.default
    do {
      try manager.createDirectory(at: releasesDirectory, withIntermediateDirectories: true)
      if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
      let directories = Set(files.map { $0.path.components.dropLast().joined(separator: "/") })
      for directory in directories.sorted() {
        try manager.createDirectory(
          at: directory.isEmpty ? staging : staging.appendingPathComponent(directory),
          withIntermediateDirectories: true)
      }
      for file in files {
        try Self.write(file.contents, to: staging.path + "/" + file.path.description)
      }
      if manager.fileExists(atPath: release.path) { try manager.removeItem(at: release) }
      try manager.moveItem(at: staging, to: release)
    } catch {
      try? manager.removeItem(at: staging)
      throw .cannotWrite(path: release.path, reason: String(describing: error))
    }
    try switchCurrent(to: runID)
    pruneOldReleases(keeping: runID)
    return release
  }

  /// Creates `path` (which must not exist) holding `bytes`, with plain system calls: a release
  /// is thousands of small files, and this keeps each to open, write and close.
  static func write(_ bytes: [UInt8], to path: String) throws(PublishError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
      }
      guard written > 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
      offset += written
    }
  }

  /// The run id of the live release, if any.
  public func liveRunID() -> String? {
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: currentLink.path)
    else { return nil }
    return target.split(separator: "/").last.map(String.init)
  }

  func switchCurrent(to runID: String) throws(PublishError) {
    let temporary = outputDirectory.appendingPathComponent(".current-\(runID)")
    unlink(temporary.path)
    guard symlink("releases/\(runID)", temporary.path) == 0 else {
      throw .cannotSwitch(path: currentLink.path, reason: String(cString: strerror(errno)))
    }
    guard rename(temporary.path, currentLink.path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary.path)
      throw .cannotSwitch(path: currentLink.path, reason: reason)
    }
  }

  /// Removes all but the newest `keepReleases` releases. Run ids start with the run's UTC time,
  /// so their names sort in time order.
  func pruneOldReleases(keeping live: String) {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: releasesDirectory.path) else { return }
    let releases = names.filter { !$0.hasPrefix(".") }.sorted(by: >)
    for name in releases.dropFirst(keepReleases) where name != live {
      try? manager.removeItem(at: releasesDirectory.appendingPathComponent(name))
    }
  }
}
