import Foundation
import NeuralBrainCore

/// A streaming RFC 4180 CSV reader over raw bytes that tracks physical line numbers.
///
/// Rows come back as byte ranges into the file (no `String` per field), reusing the caller's
/// array, which keeps wide files like JHU's (1,147 columns) fast. Quoted fields may contain
/// commas, doubled quotes and line breaks; `\n` and `\r\n` line endings are accepted and blank
/// lines are skipped.
struct CSVReader {
  /// One field: the bytes between `start` and `end` (quotes excluded).
  struct Field {
    var start: Int
    var end: Int
    /// True when the field contains doubled quotes that `text` must collapse.
    var hasEscapedQuotes: Bool
  }

  let file: InputFile
  private var offset: Int
  private var nextLine = 1
  /// Line on which the row last returned by `next(into:)` starts.
  private(set) var line = 0

  init(file: InputFile) {
    self.file = file
    self.offset = file.contentStart
  }

  /// Reads the next non-blank row into `fields`; false at the end of the file.
  mutating func next(into fields: inout [Field]) throws(IngestError) -> Bool {
    let bytes = file.bytes
    let count = bytes.count
    while offset < count, bytes[offset] == 0x0A || bytes[offset] == 0x0D {
      if bytes[offset] == 0x0A { nextLine += 1 }
      offset += 1
    }
    guard offset < count else { return false }
    fields.removeAll(keepingCapacity: true)
    line = nextLine
    while true {
      if bytes[offset] == 0x22 {
        try readQuoted(bytes, into: &fields)
      } else {
        let start = offset
        while offset < count {
          let byte = bytes[offset]
          if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
          offset += 1
        }
        fields.append(Field(start: start, end: offset, hasEscapedQuotes: false))
      }
      guard offset < count else { return true }
      switch bytes[offset] {
      case 0x2C:
        offset += 1
        if offset == count {
          fields.append(Field(start: offset, end: offset, hasEscapedQuotes: false))
          return true
        }
      case 0x0D:
        offset += 1
        if offset < count, bytes[offset] == 0x0A { offset += 1 }
        nextLine += 1
        return true
      default:
        offset += 1
        nextLine += 1
        return true
      }
    }
  }

  private mutating func readQuoted(_ bytes: [UInt8], into fields: inout [Field]) throws(IngestError) {
    let column = fields.count + 1
    offset += 1
    let start = offset
    var escaped = false
    while true {
      guard offset < bytes.count else {
        throw .malformedRow(
          InputPosition(file: file.path, line: line, column: column), detail: "a quoted field is never closed")
      }
      let byte = bytes[offset]
      if byte == 0x22 {
        if offset + 1 < bytes.count, bytes[offset + 1] == 0x22 {
          escaped = true
          offset += 2
          continue
        }
        break
      }
      if byte == 0x0A { nextLine += 1 }
      offset += 1
    }
    fields.append(Field(start: start, end: offset, hasEscapedQuotes: escaped))
    offset += 1
    guard offset < bytes.count else { return }
    let after = bytes[offset]
    guard after == 0x2C || after == 0x0A || after == 0x0D else {
      throw .malformedRow(
        InputPosition(file: file.path, line: line, column: column),
        detail: "unexpected text after the closing quote of a field")
    }
  }

  /// The field's text, with doubled quotes collapsed.
  func text(_ field: Field) -> String {
    let raw = String(decoding: file.bytes[field.start..<field.end], as: UTF8.self)
    return field.hasEscapedQuotes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
  }

  /// Where `field` number `index` (0-based) of the current row is, for error messages.
  func position(column index: Int, name: String? = nil) -> InputPosition {
    InputPosition(file: file.path, line: line, column: index + 1, columnName: name)
  }

  /// The number in `field`, or nil when it is empty or `NA`; `badNumber` otherwise.
  func number(_ field: Field, column: Int, name: String?) throws(IngestError) -> Double? {
    switch CellParser.number(file.bytes, field.start, field.end) {
    case .missing: return nil
    case .invalid: throw .badNumber(position(column: column, name: name), text: text(field))
    case .value(let value): return value
    }
  }

  /// Like `number`, and `negativeValue` when the number is below 0 (rates, populations).
  func count(_ field: Field, column: Int, name: String?) throws(IngestError) -> Double? {
    guard let value = try number(field, column: column, name: name) else { return nil }
    guard value >= 0 else { throw .negativeValue(position(column: column, name: name), text: text(field)) }
    return value
  }

  /// An observed count: like `count`, and within `InputLimits` (a whole number, not too large).
  func observed(_ field: Field, column: Int, name: String?) throws(IngestError) -> Double? {
    guard let value = try count(field, column: column, name: name) else { return nil }
    if let problem = InputLimits.countProblem(value) {
      throw .outOfLimits(position(column: column, name: name), text: text(field), detail: problem)
    }
    return value
  }

  /// Throws `malformedRow` unless the current row has as many fields as the header.
  func requireWidth(_ fields: [Field], _ count: Int) throws(IngestError) {
    guard fields.count == count else {
      throw .malformedRow(
        position(column: min(fields.count, count)), detail: "\(fields.count) fields where the header has \(count)")
    }
  }

  /// The `YYYY-MM-DD` date in `field`; `badDate` otherwise.
  func isoDay(_ field: Field, column: Int, name: String?) throws(IngestError) -> Day {
    guard let day = CellParser.isoDay(file.bytes, field.start, field.end) else {
      throw .badDate(position(column: column, name: name), text: text(field), expected: "YYYY-MM-DD")
    }
    return day
  }

  /// The trimmed text of an identifying field (region, location, country); `malformedRow`
  /// when it is empty.
  func key(_ field: Field, column: Int, name: String) throws(IngestError) -> String {
    // ASCII spaces and tabs go at the byte level; Foundation trims the rare Unicode space.
    var trimmed = field
    let bytes = file.bytes
    while trimmed.start < trimmed.end, bytes[trimmed.start] == 0x20 || bytes[trimmed.start] == 0x09 {
      trimmed.start += 1
    }
    while trimmed.end > trimmed.start, bytes[trimmed.end - 1] == 0x20 || bytes[trimmed.end - 1] == 0x09 {
      trimmed.end -= 1
    }
    var value = text(trimmed)
    if trimmed.start < trimmed.end, bytes[trimmed.start] >= 0x80 || bytes[trimmed.end - 1] >= 0x80 {
      value = value.trimmingCharacters(in: .whitespaces)
    }
    guard !value.isEmpty else {
      throw .malformedRow(position(column: column, name: name), detail: "the \(name) is empty")
    }
    if let problem = InputLimits.textProblem(value) {
      throw .outOfLimits(position(column: column, name: name), text: value, detail: problem)
    }
    return value
  }
}
