import CLibDeflate
import Foundation

/// libdeflate compressors kept for reuse across files and threads.
///
/// A compressor holds hundreds of kilobytes of match-finder state; allocating one per file would
/// map and zero it tens of thousands of times a run. A compressor's state never changes its
/// output, so which one a file gets does not matter.
final class DeflateCompressorPool: @unchecked Sendable {
  private let level: Int32
  private let lock = NSLock()
  private var idle: [OpaquePointer] = []

  init(level: Int32) {
    self.level = level
  }

  deinit {
    for compressor in idle { libdeflate_free_compressor(compressor) }
  }

  /// Runs `body` with a compressor no other thread uses meanwhile.
  func withCompressor<T>(_ body: (OpaquePointer) -> T) -> T {
    guard let compressor = lock.withLock({ idle.popLast() }) ?? libdeflate_alloc_compressor(level) else {
      preconditionFailure("libdeflate could not allocate a compressor (out of memory)")
    }
    defer { lock.withLock { idle.append(compressor) } }
    return body(compressor)
  }
}
