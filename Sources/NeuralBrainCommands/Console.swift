import Foundation
import Logging
import NeuralBrainPipeline

/// Standard error as one command sees it: log lines, and on a terminal one live status line
/// they scroll above, shared by the log handler and the progress display.
struct Console: Sendable {
  let logger: Logger
  private let line: StatusLine
  private let showsProgress: Bool

  init(format: LineLogHandler.Format, level: Logger.Level) {
    let line = StatusLine(
      enabled: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb")
    self.line = line
    self.logger = Logger(label: "neuralbrain") { label in
      LineLogHandler(label: label, format: format, level: level, line: line)
    }
    showsProgress = line.enabled && format == .logfmt
  }

  /// A fresh progress display of a run's steps, when standard error is a terminal and lines are logfmt.
  func progress() -> (any PipelineProgress)? { showsProgress ? TerminalProgress(line: line) : nil }
}
