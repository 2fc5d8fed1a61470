import Foundation

/// The run's database writes that no later step waits for, done one after another on a thread of
/// their own while the CPU-bound steps go on.
///
/// The store step's vintage of the observations (two seconds at 10,000 daily regions), the
/// normalize step's forecasts and the evaluate step's scores are written in one transaction each,
/// and nothing the steps after them read depends on them before the release switches: the
/// forecast works on the data set, and the stored forecasts a run reads belong to succeeded runs
/// only. On one thread those writes held up every core; here they overlap the forecasting and
/// the rendering. They run in the order they were started, each write still atomic; the publish
/// step waits for all of them (`finish()`) before it saves the run and switches `current`, and a
/// run that fails waits for them too (`settle()`) before it records the failure.
final class DeferredWrites: @unchecked Sendable {
  // `failure` is guarded by `lock`; the queue's jobs and `group` order everything else.
  private let queue = DispatchQueue(label: "neuralbrain.deferred-writes")
  private let group = DispatchGroup()
  private let lock = NSLock()
  private var failure: PipelineError?

  /// Starts `work` after the writes already started; `step` names the step in a failure.
  @discardableResult
  func start<Value: Sendable>(step: String, _ work: @escaping @Sendable () throws -> Value) -> PendingWrite<Value> {
    let pending = PendingWrite<Value>(step: step)
    group.enter()
    queue.async { [self] in
      let result = Result { try work() }
      if case .failure(let error) = result {
        lock.withLock { failure = failure ?? PipelineError(step: step, underlying: error) }
      }
      pending.complete(result)
      group.leave()
    }
    return pending
  }

  /// Waits for every write started so far, and throws the first that failed.
  func finish() async throws(PipelineError) {
    await settle()
    if let failure = lock.withLock({ failure }) { throw failure }
  }

  /// Waits for every write started so far, whatever their outcome.
  func settle() async {
    await withCheckedContinuation { continuation in
      group.notify(queue: .global()) { continuation.resume() }
    }
  }
}

/// One write started by `DeferredWrites`, whose result a later step can wait for.
final class PendingWrite<Value: Sendable>: @unchecked Sendable {
  // `result` is set once, on the writes' queue, before `done` is left; read only after `done`.
  private let done = DispatchGroup()
  private var result: Result<Value, any Error>?
  private let step: String

  fileprivate init(step: String) {
    self.step = step
    done.enter()
  }

  fileprivate func complete(_ result: Result<Value, any Error>) {
    self.result = result
    done.leave()
  }

  /// The write's result, once it has finished; its error named after the step that started it.
  func value() async throws(PipelineError) -> Value {
    await withCheckedContinuation { continuation in
      done.notify(queue: .global()) { continuation.resume() }
    }
    switch result {
    case .success(let value)?: return value
    case .failure(let error)?: throw PipelineError(step: step, underlying: error)
    case nil: preconditionFailure("a pending write finished without a result")
    }
  }
}
