/// Checks that bytes are one JSON text (RFC 8259) without building its values.
///
/// The release validator used to parse every JSON file into Foundation objects; for thousands of
/// daily regions `forecasts/global.json` alone is over 100 MB and its object tree took gigabytes.
/// This scanner walks the bytes once and allocates nothing.
struct JSONSyntax {
  private let bytes: [UInt8]
  private var offset = 0
  /// How deep arrays and objects may nest (the published documents use fewer than ten levels).
  private static let maximumDepth = 512

  /// The byte offset and reason of the first error; nil for valid JSON.
  static func firstError(in bytes: [UInt8]) -> (offset: Int, reason: String)? {
    var scanner = JSONSyntax(bytes: bytes)
    do throws(Failure) {
      scanner.skipWhitespace()
      try scanner.value(depth: 0)
      scanner.skipWhitespace()
      guard scanner.offset == bytes.count else { throw Failure(reason: "unexpected data after the JSON value") }
      return nil
    } catch {
      return (scanner.offset, error.reason)
    }
  }

  private struct Failure: Error {
    var reason: String
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
  }

  private mutating func expect(_ literal: StaticString) throws(Failure) {
    for byte in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
      guard current == byte else { throw Failure(reason: "expected \(literal)") }
      offset += 1
    }
  }

  private mutating func value(depth: Int) throws(Failure) {
    guard depth < Self.maximumDepth else { throw Failure(reason: "nested too deeply") }
    switch current {
    case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), depth: depth, keyed: true)
    case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), depth: depth, keyed: false)
    case UInt8(ascii: "\""): try string()
    case UInt8(ascii: "t"): try expect("true")
    case UInt8(ascii: "f"): try expect("false")
    case UInt8(ascii: "n"): try expect("null")
    case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): try number()
    default: throw Failure(reason: "expected a value")
    }
  }

  private mutating func container(close: UInt8, depth: Int, keyed: Bool) throws(Failure) {
    offset += 1
    skipWhitespace()
    if current == close {
      offset += 1
      return
    }
    while true {
      if keyed {
        guard current == UInt8(ascii: "\"") else { throw Failure(reason: "expected a key") }
        try string()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw Failure(reason: "expected ':'") }
        offset += 1
        skipWhitespace()
      }
      try value(depth: depth + 1)
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        offset += 1
        skipWhitespace()
      } else if current == close {
        offset += 1
        return
      } else {
        throw Failure(reason: "expected ',' or the end of the \(keyed ? "object" : "array")")
      }
    }
  }

  private mutating func string() throws(Failure) {
    offset += 1
    while let byte = current {
      offset += 1
      switch byte {
      case UInt8(ascii: "\""): return
      case UInt8(ascii: "\\"):
        guard let escaped = current else { break }
        offset += 1
        if escaped == UInt8(ascii: "u") {
          for _ in 0..<4 {
            guard let hex = current, hex.isHexDigit else { throw Failure(reason: "bad \\u escape") }
            offset += 1
          }
        } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
          throw Failure(reason: "bad escape")
        }
      case 0..<0x20: throw Failure(reason: "control character in a string")
      default: continue
      }
    }
    throw Failure(reason: "unterminated string")
  }

  private mutating func number() throws(Failure) {
    if current == UInt8(ascii: "-") { offset += 1 }
    guard let first = current, first.isDigit else { throw Failure(reason: "expected a digit") }
    offset += 1
    if first != UInt8(ascii: "0") { skipDigits() }
    if current == UInt8(ascii: ".") {
      offset += 1
      guard current?.isDigit == true else { throw Failure(reason: "expected a digit after '.'") }
      skipDigits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      offset += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
      guard current?.isDigit == true else { throw Failure(reason: "expected an exponent") }
      skipDigits()
    }
  }

  private mutating func skipDigits() {
    while current?.isDigit == true { offset += 1 }
  }
}

extension UInt8 {
  fileprivate var isDigit: Bool { (0x30...0x39).contains(self) }
  fileprivate var isHexDigit: Bool {
    isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
  }
}
