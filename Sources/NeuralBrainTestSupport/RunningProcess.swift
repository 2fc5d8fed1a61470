import Foundation

/// A child process observed while it runs: its merged output as it arrives, signals, exit.
///
/// Long-running commands (`neuralbrain schedule`) are tested by waiting for what they log or
/// for their exit, never by sleeping.
public final class RunningProcess: @unchecked Sendable {
  private let process = Process()
  private let pipe = Pipe()
  private let lock = NSLock()
  private var buffer = Data()
  private var waiters: [UUID: (predicate: @Sendable (String) -> Bool, continuation: CheckedContinuation<Bool, Never>)] =
    [:]
  private var exitWaiters: [CheckedContinuation<Int32, Never>] = []
  private var exitStatus: Int32?

  /// Starts `executable arguments…` with standard output and error merged.
  public init(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws {
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = pipe
    process.standardError = pipe
    pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
      self?.received(handle.availableData)
    }
    process.terminationHandler = { [weak self] process in self?.exited(process.terminationStatus) }
    try process.run()
  }

  /// Everything the process has written so far.
  public var output: String {
    lock.withLock { String(decoding: buffer, as: UTF8.self) }
  }

  /// Waits until the output satisfies `predicate`; false when the process ends first. (A
  /// process that neither prints nor ends is bounded by the test's `.timeLimit`.)
  public func waitUntil(_ predicate: @escaping @Sendable (String) -> Bool) async -> Bool {
    await withCheckedContinuation { continuation in
      let answer: Bool? = lock.withLock {
        if predicate(String(decoding: buffer, as: UTF8.self)) { return true }
        if exitStatus != nil { return false }
        waiters[UUID()] = (predicate, continuation)
        return nil
      }
      if let answer { continuation.resume(returning: answer) }
    }
  }

  /// Sends `signal` (e.g. SIGTERM) to the process.
  public func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

  /// The exit status, once the process has ended.
  public func exit() async -> Int32 {
    await withCheckedContinuation { continuation in
      let status: Int32? = lock.withLock {
        if exitStatus == nil { exitWaiters.append(continuation) }
        return exitStatus
      }
      if let status { continuation.resume(returning: status) }
    }
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  private func received(_ data: Data) {
    let ready: [CheckedContinuation<Bool, Never>] = lock.withLock {
      buffer.append(data)
      let text = String(decoding: buffer, as: UTF8.self)
      let done = waiters.filter { $0.value.predicate(text) }
      for id in done.keys { waiters[id] = nil }
      return done.values.map(\.continuation)
    }
    for continuation in ready { continuation.resume(returning: true) }
  }

  private func exited(_ status: Int32) {
    pipe.fileHandleForReading.readabilityHandler = nil
    let rest = pipe.fileHandleForReading.readDataToEndOfFile()
    if !rest.isEmpty { received(rest) }
    let (waiting, unmet) = lock.withLock {
      exitStatus = status
      defer {
        exitWaiters = []
        waiters = [:]
      }
      return (exitWaiters, waiters.values.map(\.continuation))
    }
    for continuation in waiting { continuation.resume(returning: status) }
    for continuation in unmet { continuation.resume(returning: false) }
  }
}
