/// A cell in an input file, so an error can send the user to the exact place to fix.
///
/// `line` is 1-based and counts physical lines. For CSV errors `column` is the 1-based field
/// number and `columnName` the header name; for encoding errors `column` is the 1-based byte
/// offset within the line and `columnName` is `nil`.
public struct InputPosition: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var columnName: String?

  public init(file: String, line: Int, column: Int, columnName: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
  }

  /// `file:line:column`, followed by the column's header name when known.
  public var description: String {
    let place = "\(file):\(line):\(column)"
    guard let columnName else { return place }
    return place + " (column \"\(columnName)\")"
  }
}
