import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// Publishes a release atomically into an output directory.
///
/// Layout: `<output>/releases/<run-id>/` holds one complete site; `<output>/current` is a
/// symbolic link to the live one and is the web root. A new release is validated as it is written to a
/// temporary directory, renamed into place, and only then does `current` switch, by renaming a
/// temporary link over it: `rename(2)` is atomic, so a reader sees the old site or the new one,
/// never a mix. Any failure before the switch leaves the previous release live.
///
/// A release is written into a `ReleaseStaging` a batch of files at a time; a file byte for byte
/// the same as the live release's is a hard link to it, with its `.gz` sibling: not validated,
/// compressed or written again (a rerun writes only what changed).
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
  public var fileSystem: any FileSystem

  public init(outputDirectory: URL, keepReleases: Int = 5, precompress: Bool = true, fileSystem: any FileSystem) {
    self.outputDirectory = outputDirectory
    self.keepReleases = max(keepReleases, 1)
    self.precompress = precompress
    self.fileSystem = fileSystem
  }

  /// Where the release of `runID` is (or will be) written.
  public func releaseDirectory(runID: String) -> URL { releasesDirectory.appendingPathComponent(runID) }

  /// The live link.
  public var currentLink: URL { outputDirectory.appendingPathComponent("current") }

  var releasesDirectory: URL { outputDirectory.appendingPathComponent("releases") }

  /// The dated snapshots, shared by all releases.
  public var archiveDirectory: URL { outputDirectory.appendingPathComponent(ArchiveLayout.folder) }

  /// Starts the release of `runID` (a safe slug) in an empty staging folder; the caller writes
  /// its files into the returned staging and publishes it with `publish(_:archive:)`, or
  /// discards it. `archiveDay`, the day of the snapshot the release will write, makes the
  /// staging keep the digests of the data files when that day has no snapshot yet.
  public func stage(runID: String, archiveDay: Day? = nil) throws(PublishError) -> ReleaseStaging {
    guard Slug.isValid(runID) else {
      throw .cannotWrite(path: runID, reason: "the run id is not a safe directory name")
    }
    let staging = releasesDirectory.appendingPathComponent(".\(runID).partial")
    do throws(FileSystemError) {
      try fileSystem.createDirectory(releasesDirectory)
      try fileSystem.remove(staging)
      try fileSystem.createDirectory(staging)
    } catch {
      throw .cannotWrite(path: staging.path, reason: error.reason)
    }
    return ReleaseStaging(
      directory: staging, runID: runID, live: liveRunID().map { releaseDirectory(runID: $0) },
      precompress: precompress,
      keepsDigests: archiveDay.map { !fileSystem.exists(archiveDirectory.appendingPathComponent($0.iso)) } ?? false,
      fileSystem: fileSystem)
  }

  /// Validates, writes and switches to a release named `runID` (a safe slug) made of `files`;
  /// with `archive`, also writes that day's snapshot unless it exists. Files at
  /// `fromLiveRelease` were read from the live release (the caller holds the output lock, so it
  /// has not changed): they are linked without comparing.
  /// - Returns: the release directory.
  @discardableResult
  public func publish(
    _ files: [SiteFile], runID: String, archive: ArchiveSnapshot? = nil, fromLiveRelease: Set<SitePath> = []
  ) throws(PublishError) -> URL {
    let staging = try stage(runID: runID, archiveDay: archive?.date)
    do throws(PublishError) {
      try staging.write(files, fromLiveRelease: fromLiveRelease)
    } catch {
      staging.discard()
      throw error
    }
    return try publish(staging, archive: archive)
  }

  /// Completes `staging` and switches to it: lists the snapshots in `api/v1/archive.json`, writes
  /// the day's snapshot of `archive` unless it exists (the release's data files, hard-linked,
  /// and the snapshot's own files), renames the staging folder into place and switches
  /// `current`. Any failure removes the staging folder and leaves the previous release live.
  /// - Returns: the release directory.
  @discardableResult
  public func publish(_ staging: ReleaseStaging, archive: ArchiveSnapshot? = nil) throws(PublishError) -> URL {
    let release = releaseDirectory(runID: staging.runID)
    do throws(PublishError) {
      if let archive, let index = ArchiveIndex(dates: Array(Set(archivedDates() + [archive.date]))).file {
        try staging.write([index], fromLiveRelease: [])
      }
      let digests = try staging.finish()
      do throws(FileSystemError) {
        if let archive {
          try write(archive, linkingFrom: staging.directory, releaseData: digests)
          try fileSystem.symbolicLink(
            staging.directory.appendingPathComponent(ArchiveLayout.folder), to: "../../" + ArchiveLayout.folder)
        }
        try fileSystem.remove(release)
        try fileSystem.rename(staging.directory, to: release)
      } catch {
        throw .cannotWrite(path: release.path, reason: error.description)
      }
    } catch {
      staging.discard()
      throw error
    }
    try switchCurrent(to: staging.runID)
    pruneOldReleases(keeping: staging.runID)
    return release
  }

  /// Publishes the release of `previousRunID` again as the release of `runID`: the same tree,
  /// every file a hard link to the earlier release's read-only file, so the new release is
  /// complete and immutable at the cost of directory entries. `current` switches as for a
  /// rendered release.
  /// - Returns: the release directory.
  @discardableResult
  public func republish(_ previousRunID: String, as runID: String) throws(PublishError) -> URL {
    guard Slug.isValid(runID), Slug.isValid(previousRunID) else {
      throw .cannotWrite(path: runID, reason: "the run id is not a safe directory name")
    }
    let previous = releaseDirectory(runID: previousRunID)
    let release = releaseDirectory(runID: runID)
    let staging = releasesDirectory.appendingPathComponent(".\(runID).partial")
    do throws(FileSystemError) {
      try fileSystem.remove(staging)
      try fileSystem.linkTree(staging, from: previous)
      try fileSystem.remove(release)
      try fileSystem.rename(staging, to: release)
    } catch {
      try? fileSystem.remove(staging)
      throw .cannotWrite(path: release.path, reason: error.description)
    }
    try switchCurrent(to: runID)
    pruneOldReleases(keeping: runID)
    return release
  }

  /// Writes `snapshot` to `archive/YYYY-MM-DD/` through a staging folder renamed into place,
  /// with read-only files; leaves an existing snapshot of that day untouched. The release's data
  /// files (`releaseData`: path and SHA-256, written below `releaseDirectory`) are hard links to
  /// the release's; the snapshot's own files at other paths are written.
  func write(
    _ snapshot: ArchiveSnapshot, linkingFrom releaseDirectory: URL, releaseData: [SitePath: String]
  ) throws(FileSystemError) {
    let final = archiveDirectory.appendingPathComponent(snapshot.date.iso)
    guard !fileSystem.exists(final) else { return }
    let staging = archiveDirectory.appendingPathComponent(".\(snapshot.date.iso).partial")
    do {
      try fileSystem.createDirectory(archiveDirectory)
      try fileSystem.remove(staging)
      let own = snapshot.files.filter { releaseData[$0.path] == nil }
      try createFolders(for: Array(releaseData.keys) + own.map(\.path), in: staging)
      var digests = releaseData
      for file in own { digests[file.path] = try write(file, into: staging) }
      try fileSystem.create(
        staging.appendingPathComponent(ArchiveLayout.manifest), bytes: Array(ArchiveSnapshot.checksums(digests).utf8),
        mode: 0o444)
      for path in releaseData.keys.sorted() {
        try fileSystem.link(
          staging.appendingPathComponent(path.description),
          to: releaseDirectory.appendingPathComponent(path.description))
      }
      try fileSystem.rename(staging, to: final)
    } catch {
      try? fileSystem.remove(staging)
      // Another run wrote the day's snapshot first: it stays as it is.
      guard fileSystem.exists(final) else { throw error }
    }
  }

  /// Writes `file` below `directory`, read-only, a piece at a time; returns its SHA-256.
  private func write(_ file: StreamedFile, into directory: URL) throws(FileSystemError) -> String {
    let url = directory.appendingPathComponent(file.path.description)
    let output = try fileSystem.createOutput(url, mode: 0o444)
    defer { output.close() }
    var hasher = SHA256Hasher()
    do {
      try file.pieces { piece in
        hasher.update(piece)
        try output.write(piece)
      }
    } catch let error as FileSystemError {
      throw error
    } catch {
      throw FileSystemError(path: url.path, reason: String(describing: error))
    }
    return hasher.finalizeHex()
  }

  /// The days with a snapshot, oldest first.
  public func archivedDates() -> [Day] {
    ((try? fileSystem.list(archiveDirectory)) ?? []).compactMap { Day(iso: $0) }.sorted()
  }

  /// Creates `directory` and every folder the files at `paths` need.
  func createFolders(for paths: [SitePath], in directory: URL) throws(FileSystemError) {
    try fileSystem.createDirectory(directory)
    let folders = Set(paths.map { $0.components.dropLast().joined(separator: "/") })
    for folder in folders.sorted() where !folder.isEmpty {
      try fileSystem.createDirectory(directory.appendingPathComponent(folder))
    }
  }

  /// The run id of the live release, if any.
  public func liveRunID() -> String? {
    fileSystem.destinationOfSymbolicLink(currentLink)?.split(separator: "/").last.map(String.init)
  }

  func switchCurrent(to runID: String) throws(PublishError) {
    let temporary = outputDirectory.appendingPathComponent(".current-\(runID)")
    do throws(FileSystemError) {
      try fileSystem.remove(temporary)
      try fileSystem.symbolicLink(temporary, to: "releases/\(runID)")
      try fileSystem.rename(temporary, to: currentLink)
    } catch {
      try? fileSystem.remove(temporary)
      throw .cannotSwitch(path: currentLink.path, reason: error.reason)
    }
  }

  /// Removes what a run killed while writing left behind: `releases/.<id>.partial`,
  /// `archive/.<day>.partial` and `.current-<id>` links. Only safe while holding the output
  /// lock (no other run is writing them). Returns the removed paths.
  @discardableResult
  public func removeStaleStaging() -> [String] {
    var removed: [String] = []
    for (directory, isLeftover) in [
      (releasesDirectory, { (name: String) in name.hasPrefix(".") && name.hasSuffix(".partial") }),
      (archiveDirectory, { (name: String) in name.hasPrefix(".") && name.hasSuffix(".partial") }),
      (outputDirectory, { (name: String) in name.hasPrefix(".current-") }),
    ] {
      for name in (try? fileSystem.list(directory)) ?? [] where isLeftover(name) {
        let path = directory.appendingPathComponent(name)
        if (try? fileSystem.remove(path)) != nil { removed.append(path.path) }
      }
    }
    return removed
  }

  /// Removes all but the newest `keepReleases` releases. Run ids start with the run's UTC time,
  /// so their names sort in time order.
  func pruneOldReleases(keeping live: String) {
    guard let names = try? fileSystem.list(releasesDirectory) else { return }
    for name in names.filter({ !$0.hasPrefix(".") }).sorted(by: >).dropFirst(keepReleases) where name != live {
      try? fileSystem.remove(releasesDirectory.appendingPathComponent(name))
    }
  }
}
