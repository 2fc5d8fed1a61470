import Dispatch
import Foundation
import NeuralBrainPipeline

/// The progress display of runs on a terminal: a spinner, the step and its elapsed time, shown
/// as each step starts and redrawn ten times a second.
///
/// A dispatch timer draws it, not a Swift task: the steps keep the cooperative threads busy.
final class TerminalProgress: PipelineProgress, @unchecked Sendable {
  static let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
  private let line: StatusLine
  private let lock = NSLock()
  private var timer: (any DispatchSourceTimer)?

  init(line: StatusLine) { self.line = line }

  func stepStarted(_ index: Int, of count: Int, name: String) {
    let started = DispatchTime.now()
    line.show(Self.text(index: index, count: count, name: name, elapsed: 0, frame: 0))
    let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
    var frame = 1
    timer.schedule(deadline: started + .milliseconds(100), repeating: .milliseconds(100))
    timer.setEventHandler { [line] in
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
      line.show(Self.text(index: index, count: count, name: name, elapsed: elapsed, frame: frame))
      frame += 1
    }
    lock.withLock {
      self.timer?.cancel()
      self.timer = timer
    }
    timer.resume()
  }

  func stepFinished() {
    lock.withLock {
      timer?.cancel()
      timer = nil
    }
    line.clear()
  }

  /// `⠹ [3/6] forecast  1.4 s`.
  static func text(index: Int, count: Int, name: String, elapsed: Double, frame: Int) -> String {
    "\(frames[frame % frames.count]) [\(index)/\(count)] \(name)  \(String(format: "%.1f", elapsed)) s"
  }
}
