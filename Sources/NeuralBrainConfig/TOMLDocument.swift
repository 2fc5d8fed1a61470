import Foundation

/// Parses the subset of TOML 1.0 a configuration file needs.
///
/// Supported: comments, `[table]` and `[dotted.table]` headers, bare and quoted keys, basic and
/// literal strings, integers, floats, booleans and (multi-line) arrays. Anything else (inline
/// tables, arrays of tables, dotted keys, dates) is a syntax error naming the line, so a file
/// never means something other than what it says.
public enum TOMLDocument {
  public static func parse(_ text: String, file: String) throws(ConfigError) -> TOMLTable {
    var parser = Parser(bytes: Array(text.utf8), file: file)
    return try parser.document()
  }
}

private struct Parser {
  let bytes: [UInt8]
  let file: String
  var index = 0
  var line = 1

  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  mutating func document() throws(ConfigError) -> TOMLTable {
    var root = TOMLTable(path: "")
    var currentPath: [String] = []
    var definedTables: Set<[String]> = []
    while true {
      skipBlankLinesAndComments()
      guard let byte = peek() else { break }
      if byte == UInt8(ascii: "[") {
        index += 1
        if peek() == UInt8(ascii: "[") { throw fail("arrays of tables ([[...]]) are not supported") }
        var path: [String] = []
        repeat {
          skipSpaces()
          path.append(try key())
          skipSpaces()
        } while consume(UInt8(ascii: "."))
        guard consume(UInt8(ascii: "]")) else { throw fail("expected `]` to close the table header") }
        guard !definedTables.contains(path) else {
          throw fail("table [\(path.joined(separator: "."))] is defined twice")
        }
        definedTables.insert(path)
        try ensureTable(&root, path: path, depth: 0)
        currentPath = path
        try endOfLine()
      } else {
        let name = try key()
        skipSpaces()
        if peek() == UInt8(ascii: ".") { throw fail("dotted keys are not supported; use a [table]") }
        guard consume(UInt8(ascii: "=")) else { throw fail("expected `=` after key `\(name)`") }
        skipSpaces()
        let valueLine = line
        let parsed = try value()
        try assign(&root, path: currentPath, depth: 0, key: name, value: parsed, line: valueLine)
        try endOfLine()
      }
    }
    return root
  }

  // MARK: - Tables

  func ensureTable(_ table: inout TOMLTable, path: [String], depth: Int) throws(ConfigError) {
    let name = path[depth]
    var child: TOMLTable
    switch table[name] {
    case .table(let existing): child = existing
    case nil: child = TOMLTable(path: path[0...depth].joined(separator: "."))
    case .some(let other):
      throw fail("`\(name)` is already a \(other.typeName), not a table")
    }
    if depth + 1 < path.count { try ensureTable(&child, path: path, depth: depth + 1) }
    table.set(name, .table(child), line: line)
  }

  func assign(
    _ table: inout TOMLTable, path: [String], depth: Int, key: String, value: TOMLValue, line: Int
  ) throws(ConfigError) {
    if depth == path.count {
      guard table[key] == nil else { throw fail("key `\(key)` is defined twice") }
      table.set(key, value, line: line)
      return
    }
    guard case .table(var child) = table[path[depth]] else { throw fail("internal: missing table") }
    try assign(&child, path: path, depth: depth + 1, key: key, value: value, line: line)
    table.set(path[depth], .table(child), line: table.lines[path[depth]] ?? line)
  }

  // MARK: - Lexing

  func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  mutating func consume(_ byte: UInt8) -> Bool {
    guard peek() == byte else { return false }
    index += 1
    return true
  }

  mutating func skipSpaces() {
    while let byte = peek(), byte == 32 || byte == 9 { index += 1 }
  }

  mutating func skipComment() {
    if peek() == UInt8(ascii: "#") {
      while let byte = peek(), byte != 10 { index += 1 }
    }
  }

  mutating func skipBlankLinesAndComments() {
    while true {
      skipSpaces()
      skipComment()
      if consume(13) { continue }
      if consume(10) {
        line += 1
        continue
      }
      return
    }
  }

  mutating func skipWhitespaceInArray() {
    skipBlankLinesAndComments()
  }

  mutating func endOfLine() throws(ConfigError) {
    skipSpaces()
    skipComment()
    _ = consume(13)
    if peek() == nil { return }
    guard consume(10) else { throw fail("unexpected text after the value") }
    line += 1
  }

  func fail(_ message: String) -> ConfigError { .syntax(file: file, line: line, message: message) }

  mutating func key() throws(ConfigError) -> String {
    if peek() == UInt8(ascii: "\"") { return try basicString() }
    if peek() == UInt8(ascii: "'") { return try literalString() }
    let start = index
    while let byte = peek(),
      (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        || byte == 45 || byte == 95
    {
      index += 1
    }
    guard index > start else { throw fail("expected a key") }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  mutating func value() throws(ConfigError) -> TOMLValue {
    guard let byte = peek() else { throw fail("expected a value") }
    switch byte {
    case UInt8(ascii: "\""): return .string(try basicString())
    case UInt8(ascii: "'"): return .string(try literalString())
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "{"): throw fail("inline tables are not supported; use a [table]")
    default: return try scalar()
    }
  }

  mutating func array() throws(ConfigError) -> TOMLValue {
    index += 1
    var items: [TOMLValue] = []
    while true {
      skipWhitespaceInArray()
      if consume(UInt8(ascii: "]")) { return .array(items) }
      items.append(try value())
      skipWhitespaceInArray()
      if consume(UInt8(ascii: ",")) { continue }
      skipWhitespaceInArray()
      guard consume(UInt8(ascii: "]")) else { throw fail("expected `,` or `]` in array") }
      return .array(items)
    }
  }

  mutating func basicString() throws(ConfigError) -> String {
    index += 1
    var out: [UInt8] = []
    while let byte = peek() {
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
      case 10: throw fail("unterminated string")
      case UInt8(ascii: "\\"):
        guard let escaped = peek() else { throw fail("unterminated string") }
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "\""): out.append(34)
        case UInt8(ascii: "\\"): out.append(92)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
          let width = escaped == UInt8(ascii: "u") ? 4 : 8
          guard index + width <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + width], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(code)
          else { throw fail("invalid unicode escape") }
          index += width
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw fail("invalid escape sequence in string")
        }
      default: out.append(byte)
      }
    }
    throw fail("unterminated string")
  }

  mutating func literalString() throws(ConfigError) -> String {
    index += 1
    let start = index
    while let byte = peek() {
      if byte == UInt8(ascii: "'") {
        index += 1
        return String(decoding: bytes[start..<index - 1], as: UTF8.self)
      }
      if byte == 10 { break }
      index += 1
    }
    throw fail("unterminated string")
  }

  mutating func scalar() throws(ConfigError) -> TOMLValue {
    let start = index
    while let byte = peek(), byte != 32, byte != 9, byte != 10, byte != 13, byte != 44, byte != 93,
      byte != 35
    {
      index += 1
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    switch text {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
      throw fail("`\(text)` is not an allowed number here")
    default: break
    }
    let digits = text.replacingOccurrences(of: "_", with: "")
    if let integer = Int(digits) { return .integer(integer) }
    if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let number = Double(digits) {
      return .double(number)
    }
    throw fail("`\(text)` is not a valid value (strings need quotes)")
  }
}
