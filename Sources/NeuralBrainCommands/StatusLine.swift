import Foundation

/// The one live line at the bottom of a terminal, which log lines scroll above.
///
/// Only a terminal gets it: when standard error is a file or a pipe (cron, systemd, CI) nothing
/// but the log lines is ever written.
final class StatusLine: @unchecked Sendable {
  let enabled: Bool
  private let lock = NSLock()
  private var shown: String?

  init(enabled: Bool) { self.enabled = enabled }

  /// Replaces the status line with `text`.
  func show(_ text: String) {
    guard enabled else { return }
    lock.withLock {
      shown = text
      Self.write("\r\u{1B}[2K" + text)
    }
  }

  /// Removes the status line.
  func clear() {
    guard enabled else { return }
    lock.withLock {
      if shown != nil { Self.write("\r\u{1B}[2K") }
      shown = nil
    }
  }

  /// Writes a log line above the status line.
  func write(line: String) {
    lock.withLock {
      guard enabled, let shown else { return Self.write(line + "\n") }
      Self.write("\r\u{1B}[2K" + line + "\n" + shown)
    }
  }

  private static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
