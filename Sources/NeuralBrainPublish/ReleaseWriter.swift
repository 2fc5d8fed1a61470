import Dispatch
import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import Synchronization

/// Writes a release's files into its staging folder on one thread of its own, in the order they
/// come, while other threads check and compress the next ones.
///
/// The kernel creates files one at a time (ext4 allocates inodes under a lock), so two threads
/// writing only contend; one writer beside the CPU work overlaps the two. The first failure is
/// kept and every later write skipped; `finish` waits for the queue and reports it. At most
/// `capacity` writes wait at a time: a caller that gets ahead of the disk waits instead of holding
/// every compressed file of a large release in memory.
final class ReleaseWriter: Sendable {
  private let fileSystem: any FileSystem
  private let staging: URL
  private let queue = DispatchQueue(label: "neuralbrain.release-writer")
  private let group = DispatchGroup()
  private let failure = Mutex<FileSystemError?>(nil)
  private let slots: DispatchSemaphore

  init(fileSystem: any FileSystem, staging: URL, capacity: Int = 256) {
    self.fileSystem = fileSystem
    self.staging = staging
    self.slots = DispatchSemaphore(value: max(capacity, 1))
  }

  /// Queues `file` (when not nil) and its `.gz` `sibling` (when not nil), read-only; the sibling
  /// gets the original's times, as nginx's `gzip_static` wants.
  func write(_ file: SiteFile?, sibling: SiteFile?) {
    guard file != nil || sibling != nil else { return }
    enqueue { [fileSystem, staging] () throws(FileSystemError) in
      if let file {
        try fileSystem.create(staging.appendingPathComponent(file.path.description), bytes: file.contents, mode: 0o444)
      }
      if let sibling {
        let path = staging.appendingPathComponent(sibling.path.description)
        try fileSystem.create(path, bytes: sibling.contents, mode: 0o444)
        try fileSystem.copyTimes(to: path, from: path.deletingPathExtension())
      }
    }
  }

  /// Queues a hard link of the file at `path` to the same path in the folder `live`.
  func link(_ path: String, from live: URL) {
    enqueue { [fileSystem, staging] () throws(FileSystemError) in
      try fileSystem.link(staging.appendingPathComponent(path), to: live.appendingPathComponent(path))
    }
  }

  /// The first failure so far, if any: a caller can stop early instead of queueing more.
  var failed: FileSystemError? { failure.withLock { $0 } }

  /// Waits until every queued write ran; the first failure, if any.
  func finish() -> FileSystemError? {
    group.wait()
    return failed
  }

  private func enqueue(_ operation: @escaping @Sendable () throws(FileSystemError) -> Void) {
    slots.wait()
    queue.async(group: group) { [self] in
      defer { slots.signal() }
      guard failure.withLock({ $0 == nil }) else { return }
      do throws(FileSystemError) {
        try operation()
      } catch {
        failure.withLock { $0 = $0 ?? error }
      }
    }
  }
}
