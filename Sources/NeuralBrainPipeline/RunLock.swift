import Foundation

/// An exclusive `flock(2)` on `<state-dir>/neuralbrain.lock`, so two runs never overlap.
///
/// The kernel releases the lock when the process dies, so a crashed run never blocks the next.
public final class RunLock: Sendable {
  private let descriptor: Int32
  public let path: String

  /// Takes the lock or fails at once (never waits).
  public init(stateDirectory: URL) throws(RunError) {
    path = stateDirectory.appendingPathComponent("neuralbrain.lock").path
    do {
      try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
    } catch {
      throw .cannotLock(lockFile: path, reason: String(describing: error))
    }
    let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotLock(lockFile: path, reason: String(cString: strerror(errno))) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw .alreadyRunning(lockFile: path)
    }
    descriptor = fd
  }

  /// Whether a live process holds the lock of `stateDirectory` (a run or a schedule is going).
  /// Probes with a non-blocking lock that is released at once; false when there is no lock file.
  public static func isHeld(stateDirectory: URL) -> Bool {
    let path = stateDirectory.appendingPathComponent("neuralbrain.lock").path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
    flock(fd, LOCK_UN)
    return false
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
