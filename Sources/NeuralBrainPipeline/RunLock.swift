import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// An exclusive `flock(2)` on `<state-dir>/neuralbrain.lock`, so two runs never overlap, and one
/// on `<output>/.neuralbrain.lock`, so two state directories never publish into one output.
///
/// The kernel releases the lock when the process dies, so a crashed run never blocks the next.
/// The lock is a kernel object, not a file's contents: only its directory is made through the
/// run's `FileSystem`.
public final class RunLock: Sendable {
  private let descriptor: Int32
  public let path: String

  /// Takes the state directory's lock or fails at once (never waits).
  public convenience init(stateDirectory: URL, fileSystem: any FileSystem) throws(RunError) {
    try self.init(
      directory: stateDirectory, fileName: "neuralbrain.lock", fileSystem: fileSystem, taken: RunError.alreadyRunning)
  }

  /// Takes the output directory's lock or fails at once: another run, perhaps of another state
  /// directory, is publishing there.
  public convenience init(outputDirectory: URL, fileSystem: any FileSystem) throws(RunError) {
    try self.init(
      directory: outputDirectory, fileName: ".neuralbrain.lock", fileSystem: fileSystem, taken: RunError.outputInUse)
  }

  private init(
    directory: URL, fileName: String, fileSystem: any FileSystem, taken: (String) -> RunError
  ) throws(RunError) {
    path = directory.appendingPathComponent(fileName).path
    do {
      try fileSystem.createDirectory(directory)
    } catch {
      throw .cannotLock(lockFile: path, reason: error.reason)
    }
    let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotLock(lockFile: path, reason: String(cString: strerror(errno))) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw taken(path)
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
