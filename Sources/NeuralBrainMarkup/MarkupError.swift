import Foundation

/// A file that libxml2 could not parse cleanly.
public struct MarkupError: Error, LocalizedError, Hashable, Sendable {
  /// The file's name in the release, e.g. `region/us.html`.
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var errorDescription: String? {
    "\(file):\(line):\(column): \(message). The release was not published; fix the template or renderer."
  }
}
