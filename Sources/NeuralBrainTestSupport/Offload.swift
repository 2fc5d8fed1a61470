import Dispatch

/// Runs CPU-heavy synchronous test work on a Dispatch worker thread.
///
/// Swift Testing runs tests on the few cooperative threads (two on a 2-core machine), and
/// long synchronous work does not belong there: a test that computes for many seconds would
/// hold one, and the loopback servers and child-process runners of tests beside it would wait.
/// Heavy tests compute here and await the result instead; their expectations stay in the
/// test's own task.
public enum Offload {
  public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async {
        continuation.resume(with: Result { try work() })
      }
    }
  }
}
