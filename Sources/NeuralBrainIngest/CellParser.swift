import NeuralBrainCore

/// Decodes numbers and dates straight from CSV bytes, without `String` or `DateFormatter`.
enum CellParser {
  /// What a numeric cell holds.
  enum Number: Equatable {
    /// Empty, or `NA` (R's missing value, used by the hubs).
    case missing
    case value(Double)
    /// Not a finite decimal number.
    case invalid
  }

  /// Parses a decimal number (optional sign, digits, optional fraction and exponent) in
  /// `bytes[start..<end]`, ignoring surrounding spaces.
  static func number(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Number {
    var (start, end) = trimmed(bytes, start, end)
    if start == end { return .missing }
    if end - start == 2, bytes[start] == 0x4E, bytes[start + 1] == 0x41 { return .missing }
    var negative = false
    if bytes[start] == 0x2D || bytes[start] == 0x2B {
      negative = bytes[start] == 0x2D
      start += 1
    }
    if start < end, end - start <= 15 {
      var integer = 0
      var index = start
      while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        integer = integer * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      if index == end { return .value(negative ? -Double(integer) : Double(integer)) }
    }
    return general(bytes, start, end, negative: negative)
  }

  /// The slow path: validates the character set (so `nan`, `inf` and hex floats are refused),
  /// then lets the standard library round correctly.
  private static func general(_ bytes: [UInt8], _ start: Int, _ end: Int, negative: Bool) -> Number {
    guard start < end, bytes[start] != 0x2B, bytes[start] != 0x2D else { return .invalid }
    var sawDigit = false
    for index in start..<end {
      let byte = bytes[index]
      switch byte {
      case 0x30...0x39: sawDigit = true
      case 0x2E, 0x65, 0x45, 0x2B, 0x2D: continue
      default: return .invalid
      }
    }
    guard sawDigit, let parsed = Double(String(decoding: bytes[start..<end], as: UTF8.self)), parsed.isFinite else {
      return .invalid
    }
    return .value(negative ? -parsed : parsed)
  }

  /// Parses `YYYY-MM-DD`.
  static func isoDay(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Day? {
    let (start, end) = trimmed(bytes, start, end)
    guard end - start == 10, bytes[start + 4] == 0x2D, bytes[start + 7] == 0x2D,
      let year = digits(bytes, start, start + 4), let month = digits(bytes, start + 5, start + 7),
      let day = digits(bytes, start + 8, start + 10)
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// Parses JHU's `M/D/YY` (also `MM/DD/YYYY`); two-digit years are 2000–2099.
  static func usDay(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Day? {
    let (start, end) = trimmed(bytes, start, end)
    guard let firstSlash = bytes[start..<end].firstIndex(of: 0x2F),
      let secondSlash = bytes[(firstSlash + 1)..<end].firstIndex(of: 0x2F),
      (1...2).contains(firstSlash - start), (1...2).contains(secondSlash - firstSlash - 1),
      end - secondSlash - 1 == 2 || end - secondSlash - 1 == 4,
      let month = digits(bytes, start, firstSlash), let day = digits(bytes, firstSlash + 1, secondSlash),
      let year = digits(bytes, secondSlash + 1, end)
    else { return nil }
    return Day(year: end - secondSlash - 1 == 2 ? 2000 + year : year, month: month, day: day)
  }

  /// `M/D/YY` in a `String` (disease.sh timeline keys).
  static func usDay(_ text: String) -> Day? {
    let bytes = Array(text.utf8)
    return bytes.isEmpty ? nil : usDay(bytes, 0, bytes.count)
  }

  private static func digits(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
    var value = 0
    for index in start..<end {
      let byte = bytes[index]
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  private static func trimmed(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (Int, Int) {
    var start = start
    var end = end
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return (start, end)
  }
}
