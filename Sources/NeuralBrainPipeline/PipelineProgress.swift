/// Told when each step of a run starts and ends, for a live display (the CLI's terminal
/// status line); logging does not depend on it.
public protocol PipelineProgress: Sendable {
  /// Step `index` (1-based) of `count`, named `name`, has started.
  func stepStarted(_ index: Int, of count: Int, name: String)
  /// The step that last started has ended, successfully or not.
  func stepFinished()
}
