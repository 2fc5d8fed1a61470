import Dispatch
import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import Synchronization

/// A release being written into its staging folder (`releases/.<run-id>.partial`), a batch of
/// files at a time, so that a release larger than memory can be published.
///
/// Each file is checked and compressed on every core while `ReleaseWriter` creates the files; a
/// file byte for byte the same as the live release's is a hard link to it, with its `.gz` sibling
/// (not checked, compressed or written again). Appended files (`append(_:to:)`) are written and
/// compressed a piece at a time on a queue of their own, overlapping the next batch's rendering.
/// Nothing is visible before `ReleasePublisher.publish(_:archive:)` renames the folder into place;
/// `discard` removes it.
public final class ReleaseStaging: ReleaseSink {
  /// The staging folder.
  public let directory: URL
  let runID: String
  private let fileSystem: any FileSystem
  private let live: URL?
  private let precompress: Bool
  /// Whether the day's archive snapshot is still to be written, so the data files' digests count.
  private let keepsDigests: Bool
  private let writer: ReleaseWriter
  private let registry = Mutex(Registry())
  private let appending = DispatchQueue(label: "neuralbrain.release-appender")
  private let appendSlots = DispatchSemaphore(value: 4)
  private let appended = Mutex<[SitePath: AppendedFile]>([:])
  /// The paths appended to so far: what `append` asks, without waiting for `appended`, which
  /// the appending queue holds while it compresses a piece.
  private let appendedPaths = Mutex<Set<SitePath>>([])
  private let appendFailure = Mutex<PublishError?>(nil)

  /// The paths and folders taken so far, and the digests of the files an archive snapshot keeps.
  private struct Registry {
    var paths: Set<SitePath> = []
    var folders: Set<String> = [""]
    var digests: [SitePath: String] = [:]
  }

  init(
    directory: URL, runID: String, live: URL?, precompress: Bool, keepsDigests: Bool, fileSystem: any FileSystem
  ) {
    self.directory = directory
    self.runID = runID
    self.live = live
    self.precompress = precompress
    self.keepsDigests = keepsDigests
    self.fileSystem = fileSystem
    writer = ReleaseWriter(fileSystem: fileSystem, staging: directory)
  }

  public func write(_ files: [SiteFile], fromLiveRelease: Set<SitePath>) throws(PublishError) {
    try register(files.map(\.path))
    // The largest files first: one compressed last would leave the other cores idle.
    let largestFirst = files.indices.sorted { files[$0].contents.count > files[$1].contents.count }
    let digests = try largestFirst.concurrentMap { index throws(PublishError) -> (SitePath, String)? in
      let file = files[index]
      try stage(file, isUnchanged: live.map { fromLiveRelease.contains(file.path) || isSame(file, in: $0) } ?? false)
      return keepsDigests && ArchiveSnapshot.keeps(file.path)
        ? (file.path, SHA256Hasher.hex(file.contents)) : nil
    }
    registry.withLock { registry in
      for case let (path, digest)? in digests { registry.digests[path] = digest }
    }
    if let failure = writer.failed { throw .cannotWrite(path: failure.path, reason: failure.reason) }
  }

  public func append(_ bytes: [UInt8], to path: SitePath) throws(PublishError) {
    if let failure = appendFailure.withLock({ $0 }) { throw failure }
    let isNew = appendedPaths.withLock { $0.insert(path).inserted }
    if isNew {
      try register([path])
      try appended.withLock { files throws(PublishError) in
        files[path] = try AppendedFile(
          path: path, in: directory, live: live, compressed: precompress,
          hashed: keepsDigests && ArchiveSnapshot.keeps(path), fileSystem: fileSystem)
      }
    }
    appendSlots.wait()
    appending.async { [self] in
      defer { appendSlots.signal() }
      guard appendFailure.withLock({ $0 == nil }) else { return }
      do throws(PublishError) {
        try appended.withLock { files throws(PublishError) in try files[path]?.append(bytes) }
      } catch {
        appendFailure.withLock { $0 = $0 ?? error }
      }
    }
  }

  /// Completes every file: waits for the queued writes and appends, closes the appended files
  /// and their `.gz` siblings. Returns the digests of the files a snapshot keeps (empty when
  /// the day's snapshot exists).
  func finish() throws(PublishError) -> [SitePath: String] {
    appending.sync {}
    if let failure = appendFailure.withLock({ $0 }) {
      _ = writer.finish()
      throw failure
    }
    let finished = appended.withLock { files in
      Result { () throws(PublishError) -> [(SitePath, String?)] in
        try files.values.sorted { $0.path < $1.path }.map { file throws(PublishError) in
          (file.path, try file.finish())
        }
      }
    }
    if let failure = writer.finish() { throw .cannotWrite(path: failure.path, reason: failure.reason) }
    let appendedDigests = try finished.get()
    return registry.withLock { registry in
      for case let (path, digest?) in appendedDigests { registry.digests[path] = digest }
      return registry.digests
    }
  }

  /// Stops writing and removes the staging folder: the release is not published.
  public func discard() {
    appending.sync {}
    _ = writer.finish()
    appended.withLock { files in
      for file in files.values { file.abandon() }
    }
    try? fileSystem.remove(directory)
  }

  // MARK: - Implementation details

  /// Claims `paths`, refusing one the release already has, and creates the folders they need.
  private func register(_ paths: [SitePath]) throws(PublishError) {
    try registry.withLock { registry throws(PublishError) in
      for path in paths {
        guard registry.paths.insert(path).inserted else { throw .duplicatePath(path.description) }
        let folder = path.components.dropLast().joined(separator: "/")
        guard registry.folders.insert(folder).inserted else { continue }
        do throws(FileSystemError) {
          try fileSystem.createDirectory(directory.appendingPathComponent(folder))
        } catch {
          throw .cannotWrite(path: error.path, reason: error.reason)
        }
      }
    }
  }

  /// Queues `file`: a link to the live release's copy when unchanged (with its `.gz` sibling
  /// when the live release has one), otherwise checked, compressed and written.
  private func stage(_ file: SiteFile, isUnchanged: Bool) throws(PublishError) {
    if isUnchanged, let live {
      writer.link(file.path.description, from: live)
      if precompress, let sibling = Gzip.siblingPath(of: file.path),
        fileSystem.exists(live.appendingPathComponent(sibling.description))
      {
        writer.link(sibling.description, from: live)
      } else {
        writer.write(nil, sibling: precompress ? Gzip.sibling(of: file) : nil)
      }
      return
    }
    try ReleaseValidator.check(file)
    writer.write(file, sibling: precompress ? Gzip.sibling(of: file) : nil)
  }

  /// Whether the live release in `live` has `file` with the same bytes.
  func isSame(_ file: SiteFile, in live: URL) -> Bool {
    let url = live.appendingPathComponent(file.path.description)
    guard (try? fileSystem.size(of: url)) == file.contents.count, let old = try? fileSystem.contents(of: url) else {
      return false
    }
    return old.elementsEqual(file.contents)
  }
}
