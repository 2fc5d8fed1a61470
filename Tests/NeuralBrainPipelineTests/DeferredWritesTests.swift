import Foundation
import Testing

@testable import NeuralBrainPipeline

/// The writes a run defers run in the order they were started, hand back their results, and
/// report the first failure under the step that started it.
@Suite("deferred writes")
struct DeferredWritesTests {
  /// What the writes did, in order, from the writes' thread.
  final class Journal: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Int] = []
    func append(_ entry: Int) { lock.withLock { entries.append(entry) } }
    var all: [Int] { lock.withLock { entries } }
  }

  struct Refused: Error {}

  @Test("writes run one at a time, in the order started, and return their values")
  func order() async throws {
    let writes = DeferredWrites()
    let journal = Journal()
    let pending = (0..<50).map { index in
      writes.start(step: "store") {
        // An uneven amount of work each, so that any two running at once would finish out of order.
        var sum = 0
        for value in 0..<((50 - index) * 2_000) { sum &+= value }
        journal.append(index)
        return index * 10 + (sum == -1 ? 1 : 0)
      }
    }
    #expect(try await pending[7].value() == 70)
    try await writes.finish()
    #expect(journal.all == Array(0..<50))
    for (index, write) in pending.enumerated() { #expect(try await write.value() == index * 10) }
  }

  @Test("the first failure is thrown by finish, named after its step; later writes still run")
  func failure() async throws {
    let writes = DeferredWrites()
    let journal = Journal()
    writes.start(step: "store") { journal.append(1) }
    let failing = writes.start(step: "normalize") { () throws -> Int in throw Refused() }
    writes.start(step: "evaluate") { () throws in throw Refused() }
    writes.start(step: "evaluate") { journal.append(4) }
    await writes.settle()
    #expect(journal.all == [1, 4])
    await #expect(throws: PipelineError.self) { try await failing.value() }
    do {
      try await writes.finish()
      Issue.record("finish did not throw")
    } catch {
      #expect(error.step == "normalize")
      #expect(error.underlying is Refused)
    }
  }

  @Test("with nothing started, finish returns at once")
  func empty() async throws {
    try await DeferredWrites().finish()
  }
}
