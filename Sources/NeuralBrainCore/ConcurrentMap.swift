import Dispatch

extension RandomAccessCollection where Self: Sendable, Index == Int, Element: Sendable {
  /// `map`, spread over the machine's cores: the same results in the same order as `map`,
  /// whatever the number of cores, so output never depends on the machine. For independent,
  /// CPU-bound work per element (pages, charts, JSON documents, compression, parsing); the
  /// first error in element order is thrown.
  public func concurrentMap<T: Sendable, Failure: Error>(
    _ transform: @Sendable (Element) throws(Failure) -> T
  ) throws(Failure) -> [T] {
    var results = [Result<T, Failure>?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
      let slots = Slots(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: count) { offset in
        slots.buffer[offset] = Result { () throws(Failure) -> T in try transform(self[startIndex + offset]) }
      }
    }
    return try results.map { result throws(Failure) -> T in try result!.get() }
  }
}

/// The result slots of `concurrentMap`: each iteration writes its own slot and no other, so
/// sharing the buffer between threads is safe.
private struct Slots<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
}
