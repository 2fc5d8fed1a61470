import Foundation
import NeuralBrainCore

/// Publishes a release atomically into an output directory.
///
/// Layout: `<output>/releases/<run-id>/` holds one complete site; `<output>/current` is a
/// symbolic link to the live one and is the web root. A new release is validated, written to a
/// temporary directory, renamed into place, and only then does `current` switch, by renaming a
/// temporary link over it: `rename(2)` is atomic, so a reader sees the old site or the new one,
/// never a mix. Any failure before the switch leaves the previous release live.
///
/// Text files get precompressed `.gz` siblings with the same modification time, and a release
/// published with an `ArchiveSnapshot` also writes `<output>/archive/YYYY-MM-DD/` (once per
/// day, never rewritten) before the switch, and links `archive` in the release to
/// `<output>/archive`. Published files are read-only: a release never changes, which lets a
/// snapshot hard-link the release's files instead of writing them twice.
public struct ReleasePublisher: Sendable {
  public var outputDirectory: URL
  /// How many releases to keep on disk, the live one included.
  public var keepReleases: Int
  /// Whether text files get `.gz` siblings.
  public var precompress: Bool

  public init(outputDirectory: URL, keepReleases: Int = 5, precompress: Bool = true) {
    self.outputDirectory = outputDirectory
    self.keepReleases = max(keepReleases, 1)
    self.precompress = precompress
  }

  /// Where the release of `runID` is (or will be) written.
  public func releaseDirectory(runID: String) -> URL { releasesDirectory.appendingPathComponent(runID) }

  /// The live link.
  public var currentLink: URL { outputDirectory.appendingPathComponent("current") }

  var releasesDirectory: URL { outputDirectory.appendingPathComponent("releases") }

  /// The dated snapshots, shared by all releases.
  public var archiveDirectory: URL { outputDirectory.appendingPathComponent(ArchiveLayout.folder) }

  /// Validates, writes and switches to a release named `runID` (a safe slug); with `archive`,
  /// also writes that day's snapshot unless it exists, and lists the snapshots in
  /// `api/v1/archive.json`.
  /// - Returns: the release directory.
  @discardableResult
  public func publish(
    _ files: [SiteFile], runID: String, archive: ArchiveSnapshot? = nil
  ) throws(PublishError) -> URL {
    guard Slug.isValid(runID) else {
      throw .cannotWrite(path: runID, reason: "the run id is not a safe directory name")
    }
    try ReleaseValidator.validate(files)
    var releaseFiles = files
    if let archive, let index = ArchiveIndex(dates: Array(Set(archivedDates() + [archive.date]))).file {
      releaseFiles.append(index)
    }
    let compressed = precompress ? Gzip.siblings(of: releaseFiles) : []
    let release = releaseDirectory(runID: runID)
    let staging = releasesDirectory.appendingPathComponent(".\(runID).partial")
    let manager = FileManager.default
    do {
      try manager.createDirectory(at: releasesDirectory, withIntermediateDirectories: true)
      if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
      try Self.writeTree(releaseFiles + compressed, into: staging, mode: 0o444)
      try Self.matchModificationTimes(of: compressed, in: staging)
      if let archive {
        try write(archive, linkingFrom: staging, release: releaseFiles)
        let link = staging.appendingPathComponent(ArchiveLayout.folder).path
        if symlink("../../" + ArchiveLayout.folder, link) != 0 {
          throw PublishError.cannotWrite(path: link, reason: String(cString: strerror(errno)))
        }
      }
      if manager.fileExists(atPath: release.path) { try manager.removeItem(at: release) }
      try manager.moveItem(at: staging, to: release)
    } catch {
      try? manager.removeItem(at: staging)
      throw .cannotWrite(path: release.path, reason: ErrorText.describe(error))
    }
    try switchCurrent(to: runID)
    pruneOldReleases(keeping: runID)
    return release
  }

  /// Writes `snapshot` to `archive/YYYY-MM-DD/` through a staging folder renamed into place,
  /// with read-only files; leaves an existing snapshot of that day untouched. A snapshot file
  /// with the same path and bytes as a file of `release` (written below `releaseDirectory`) is
  /// a hard link to it.
  func write(
    _ snapshot: ArchiveSnapshot, linkingFrom releaseDirectory: URL, release: [SiteFile]
  ) throws(PublishError) {
    let final = archiveDirectory.appendingPathComponent(snapshot.date.iso)
    let manager = FileManager.default
    guard !manager.fileExists(atPath: final.path) else { return }
    let staging = archiveDirectory.appendingPathComponent(".\(snapshot.date.iso).partial")
    do {
      try manager.createDirectory(at: archiveDirectory, withIntermediateDirectories: true)
      if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
      let published = Dictionary(release.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
      let files = snapshot.filesWithChecksums
      let linked = files.filter { published[$0.path] == $0.contents }
      try Self.writeTree(
        files.filter { published[$0.path] != $0.contents }, into: staging, mode: 0o444,
        folders: files.map(\.path))
      for file in linked {
        let source = releaseDirectory.path + "/" + file.path.description
        let target = staging.path + "/" + file.path.description
        guard link(source, target) == 0 else {
          throw PublishError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
        }
      }
    } catch {
      try? manager.removeItem(at: staging)
      throw .cannotWrite(path: final.path, reason: ErrorText.describe(error))
    }
    if rename(staging.path, final.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? manager.removeItem(at: staging)
      // Another run wrote the day's snapshot first: it stays as it is.
      guard manager.fileExists(atPath: final.path) else { throw .cannotWrite(path: final.path, reason: reason) }
    }
  }

  /// The days with a snapshot, oldest first.
  public func archivedDates() -> [Day] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: archiveDirectory.path)) ?? []
    return names.compactMap { Day(iso: $0) }.sorted()
  }

  /// Creates `directory` with the folders of `folders` (default: the files' own) and writes
  /// every file below it.
  static func writeTree(_ files: [SiteFile], into directory: URL, mode: mode_t, folders paths: [SitePath]? = nil) throws
  {
    let manager = FileManager.default
    try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    let folders = Set((paths ?? files.map(\.path)).map { $0.components.dropLast().joined(separator: "/") })
    for folder in folders.sorted() where !folder.isEmpty {
      try manager.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    for file in files {
      try write(file.contents, to: directory.path + "/" + file.path.description, mode: mode)
    }
  }

  /// Gives each `.gz` sibling its original's modification time, as nginx's `gzip_static` wants.
  static func matchModificationTimes(of compressed: [SiteFile], in directory: URL) throws(PublishError) {
    for file in compressed {
      let path = directory.path + "/" + file.path.description
      var original = stat()
      guard stat(String(path.dropLast(3)), &original) == 0 else {
        throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
      }
      let times = [original.st_atim, original.st_mtim]
      guard utimensat(AT_FDCWD, path, times, 0) == 0 else {
        throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
      }
    }
  }

  /// Creates `path` (which must not exist) holding `bytes`, with plain system calls: a release
  /// is thousands of small files, and this keeps each to open, write and close.
  static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(PublishError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
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
  /// Removes what a run killed while writing left behind: `releases/.<id>.partial`,
  /// `archive/.<day>.partial` and `.current-<id>` links. Only safe while holding the output
  /// lock (no other run is writing them). Returns the removed paths.
  @discardableResult
  public func removeStaleStaging() -> [String] {
    let manager = FileManager.default
    var removed: [String] = []
    for (directory, isLeftover) in [
      (releasesDirectory, { (name: String) in name.hasPrefix(".") && name.hasSuffix(".partial") }),
      (archiveDirectory, { (name: String) in name.hasPrefix(".") && name.hasSuffix(".partial") }),
      (outputDirectory, { (name: String) in name.hasPrefix(".current-") }),
    ] {
      for name in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? [] where isLeftover(name) {
        let path = directory.appendingPathComponent(name)
        if (try? manager.removeItem(at: path)) != nil { removed.append(path.path) }
      }
    }
    return removed
  }

  func pruneOldReleases(keeping live: String) {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: releasesDirectory.path) else { return }
    let releases = names.filter { !$0.hasPrefix(".") }.sorted(by: >)
    for name in releases.dropFirst(keepReleases) where name != live {
      try? manager.removeItem(at: releasesDirectory.appendingPathComponent(name))
    }
  }
}
