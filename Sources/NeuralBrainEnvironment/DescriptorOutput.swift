import Foundation
import Synchronization

/// A new file written through its descriptor: `LocalFileSystem`'s `FileOutput`.
///
/// The descriptor is opened with `O_EXCL`, so an output never writes into an existing file, and
/// it stays writable after creation whatever `mode` says, so a read-only file can be written a
/// piece at a time.
final class DescriptorOutput: FileOutput {
  private let path: String
  private let descriptor: Mutex<Int32>

  init(_ path: String, mode: Int) throws(FileSystemError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
    guard descriptor >= 0 else { throw LocalFileSystem.failure(path) }
    self.path = path
    self.descriptor = Mutex(descriptor)
  }

  deinit { close() }

  func write(_ bytes: [UInt8]) throws(FileSystemError) {
    let failed = descriptor.withLock { descriptor -> Bool? in
      guard descriptor >= 0 else { return nil }
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in
          Foundation.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
        }
        guard written > 0 else { return true }
        offset += written
      }
      return false
    }
    switch failed {
    case nil: throw FileSystemError(path: path, reason: "written after it was closed")
    case true?: throw LocalFileSystem.failure(path)
    case false?: return
    }
  }

  func close() {
    descriptor.withLock { descriptor in
      if descriptor >= 0 { Foundation.close(descriptor) }
      descriptor = -1
    }
  }
}
