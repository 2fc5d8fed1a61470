/// Rejects input that is not UTF-8 text, pointing at the first offending byte.
///
/// Catches what editors and spreadsheet exports most often produce instead of UTF-8:
/// UTF-16/32 with a byte-order mark, NUL bytes (UTF-16 without one) and Latin-1 bytes.
enum UTF8Check {
  /// Returns where the content starts (3 past a UTF-8 byte-order mark, else 0).
  static func validate(_ bytes: [UInt8], path: String) throws(IngestError) -> Int {
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      throw .invalidEncoding(
        InputPosition(file: path, line: 1, column: 1), detail: "the file starts with a UTF-16 byte-order mark")
    }
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var lineStart = start
    var index = start
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x80 {
        index += 1
        continue
      }
      if byte == 0x0A {
        line += 1
        index += 1
        lineStart = index
        continue
      }
      let width = sequenceWidth(bytes, at: index)
      guard width > 0 else {
        let detail =
          byte == 0
          ? "NUL byte (the file looks like UTF-16 or binary)"
          : "byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid UTF-8 (the file looks like Latin-1 or Windows-1252)"
        throw .invalidEncoding(InputPosition(file: path, line: line, column: index - lineStart + 1), detail: detail)
      }
      index += width
    }
    return start
  }

  /// Length of the valid UTF-8 sequence at `index`; 0 if invalid or a NUL byte.
  private static func sequenceWidth(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    if lead < 0x80 { return lead == 0 ? 0 : 1 }
    let width: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: width = 2
    case 0xE0:
      width = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: width = 3
    case 0xED:
      width = 3
      high = 0x9F
    case 0xF0:
      width = 4
      low = 0x90
    case 0xF1...0xF3: width = 4
    case 0xF4:
      width = 4
      high = 0x8F
    default: return 0
    }
    guard index + width <= bytes.count else { return 0 }
    let second = bytes[index + 1]
    guard second >= low && second <= high else { return 0 }
    for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
    return width
  }
}
