import Foundation
import Synchronization

/// A file read through its descriptor: `LocalFileSystem`'s `FileInput`. The descriptor closes
/// with the value.
final class DescriptorInput: FileInput {
  private let path: String
  private let descriptor: Mutex<Int32>

  init(_ path: String) throws(FileSystemError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw LocalFileSystem.failure(path) }
    self.path = path
    self.descriptor = Mutex(descriptor)
  }

  deinit { descriptor.withLock { _ = close($0) } }

  func read(upTo count: Int) throws(FileSystemError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: max(count, 0))
    let filled = descriptor.withLock { descriptor in
      var filled = 0
      while filled < bytes.count {
        let read = bytes.withUnsafeMutableBytes { buffer in
          Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
        }
        guard read > 0 else { return read < 0 ? -1 : filled }
        filled += read
      }
      return filled
    }
    guard filled >= 0 else { throw LocalFileSystem.failure(path) }
    bytes.removeLast(bytes.count - filled)
    return bytes
  }
}
