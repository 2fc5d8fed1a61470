import Foundation

extension Process {
  /// Starts the process, calls `launched` once it runs, and waits for it to exit without
  /// blocking a thread (through `terminationHandler`); returns its exit status.
  public func runUntilExit(launched: () -> Void = {}) async throws -> Int32 {
    try await withCheckedThrowingContinuation { continuation in
      terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
      do {
        try run()
      } catch {
        terminationHandler = nil
        continuation.resume(throwing: error)
        return
      }
      launched()
    }
  }
}
