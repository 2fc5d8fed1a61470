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
/// A file byte for byte the same as the live release's is a hard link to it, with its `.gz`
/// sibling: not validated, compressed or written again (a rerun writes only what changed).
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

  /// Validates, writes and switches to a release named `runID` (a safe slug); with `archive`,
  /// also writes that day's snapshot unless it exists, and lists the snapshots in
  /// `api/v1/archive.json`. Files at `fromLiveRelease` were read from the live release (the
  /// caller holds the output lock, so it has not changed): they are linked without comparing.
  /// - Returns: the release directory.
  @discardableResult
  public func publish(
    _ files: [SiteFile], runID: String, archive: ArchiveSnapshot? = nil, fromLiveRelease: Set<SitePath> = []
  ) throws(PublishError) -> URL {
    guard Slug.isValid(runID) else {
      throw .cannotWrite(path: runID, reason: "the run id is not a safe directory name")
    }
    var releaseFiles = files
    if let archive, let index = ArchiveIndex(dates: Array(Set(archivedDates() + [archive.date]))).file {
      releaseFiles.append(index)
    }
    // A file byte for byte the same as the live release's is a hard link to it: the live
    // release was validated and compressed, so neither is done again, and nothing is written.
    let live = liveRunID().map { releaseDirectory(runID: $0) }
    let isUnchanged =
      live.map { live in releaseFiles.concurrentMap { fromLiveRelease.contains($0.path) || isSame($0, in: live) } }
      ?? Array(repeating: false, count: releaseFiles.count)
    let unchanged = zip(releaseFiles, isUnchanged).filter(\.1).map(\.0.path)
    try ReleaseValidator.checkPaths(releaseFiles)
    // An unchanged file keeps its `.gz` sibling; one the live release has none of gets one.
    let linkedSiblings = Set(
      precompress
        ? unchanged.filter { path in
          live.map { fileSystem.exists($0.appendingPathComponent(path.description + ".gz")) } ?? false
        }
        : [])
    let release = releaseDirectory(runID: runID)
    let staging = releasesDirectory.appendingPathComponent(".\(runID).partial")
    do throws(PublishError) {
      do throws(FileSystemError) {
        try fileSystem.createDirectory(releasesDirectory)
        try fileSystem.remove(staging)
        try createFolders(for: releaseFiles.map(\.path), in: staging)
        if let live {
          for path in unchanged {
            try fileSystem.link(
              staging.appendingPathComponent(path.description), to: live.appendingPathComponent(path.description))
            let sibling = path.description + ".gz"
            if linkedSiblings.contains(path) {
              try fileSystem.link(staging.appendingPathComponent(sibling), to: live.appendingPathComponent(sibling))
            }
          }
        }
      } catch {
        throw .cannotWrite(path: release.path, reason: error.description)
      }
      // Each new file is checked and compressed on every core while one writer creates the files
      // (the kernel creates them one at a time; two writers only contend). Nothing is visible
      // before the switch: an invalid file refuses the release and the staging goes.
      let writer = ReleaseWriter(fileSystem: fileSystem, staging: staging)
      do throws(PublishError) {
        // The largest files first: `global.json` compressed last would leave one core working alone.
        let work = Array(zip(releaseFiles, isUnchanged))
        let largestFirst = work.indices.sorted { work[$0].0.contents.count > work[$1].0.contents.count }
        _ = try largestFirst.concurrentMap { index throws(PublishError) in
          let (file, isUnchanged) = work[index]
          if !isUnchanged { try ReleaseValidator.check(file) }
          let sibling = precompress && !linkedSiblings.contains(file.path) ? Gzip.sibling(of: file) : nil
          writer.write(isUnchanged ? nil : file, sibling: sibling)
        }
      } catch {
        _ = writer.finish()
        throw error
      }
      if let failure = writer.finish() { throw .cannotWrite(path: release.path, reason: failure.description) }
      do throws(FileSystemError) {
        if let archive {
          try write(archive, linkingFrom: staging, release: releaseFiles)
          try fileSystem.symbolicLink(
            staging.appendingPathComponent(ArchiveLayout.folder), to: "../../" + ArchiveLayout.folder)
        }
        try fileSystem.remove(release)
        try fileSystem.rename(staging, to: release)
      } catch {
        throw .cannotWrite(path: release.path, reason: error.description)
      }
    } catch {
      try? fileSystem.remove(staging)
      throw error
    }
    try switchCurrent(to: runID)
    pruneOldReleases(keeping: runID)
    return release
  }

  /// Whether the live release in `live` has `file` with the same bytes.
  func isSame(_ file: SiteFile, in live: URL) -> Bool {
    let url = live.appendingPathComponent(file.path.description)
    guard (try? fileSystem.size(of: url)) == file.contents.count, let old = try? fileSystem.contents(of: url) else {
      return false
    }
    return old.elementsEqual(file.contents)
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
  /// with read-only files; leaves an existing snapshot of that day untouched. A snapshot file
  /// with the same path and bytes as a file of `release` (written below `releaseDirectory`) is
  /// a hard link to it.
  func write(
    _ snapshot: ArchiveSnapshot, linkingFrom releaseDirectory: URL, release: [SiteFile]
  ) throws(FileSystemError) {
    let final = archiveDirectory.appendingPathComponent(snapshot.date.iso)
    guard !fileSystem.exists(final) else { return }
    let staging = archiveDirectory.appendingPathComponent(".\(snapshot.date.iso).partial")
    do {
      try fileSystem.createDirectory(archiveDirectory)
      try fileSystem.remove(staging)
      let published = Dictionary(release.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
      let files = snapshot.filesWithChecksums
      try writeTree(files.filter { published[$0.path] != $0.contents }, into: staging, folders: files.map(\.path))
      for file in files where published[file.path] == file.contents {
        try fileSystem.link(
          staging.appendingPathComponent(file.path.description),
          to: releaseDirectory.appendingPathComponent(file.path.description))
      }
      try fileSystem.rename(staging, to: final)
    } catch {
      try? fileSystem.remove(staging)
      // Another run wrote the day's snapshot first: it stays as it is.
      guard fileSystem.exists(final) else { throw error }
    }
  }

  /// The days with a snapshot, oldest first.
  public func archivedDates() -> [Day] {
    ((try? fileSystem.list(archiveDirectory)) ?? []).compactMap { Day(iso: $0) }.sorted()
  }

  /// Creates `directory` with the folders of `folders` (default: the files' own) and writes
  /// every file below it, read-only: a release never changes.
  func writeTree(_ files: [SiteFile], into directory: URL, folders paths: [SitePath]? = nil) throws(FileSystemError) {
    try createFolders(for: paths ?? files.map(\.path), in: directory)
    for file in files {
      try fileSystem.create(directory.appendingPathComponent(file.path.description), bytes: file.contents, mode: 0o444)
    }
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
