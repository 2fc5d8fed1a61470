/// A calendar date without a time zone, stored as days since 1970-01-01.
///
/// Epidemic data are reported per day or per epi-week; a plain ordinal makes date arithmetic
/// exact, cheap and independent of the machine's time zone or locale.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let ordinal: Int

  public init(ordinal: Int) { self.ordinal = ordinal }

  /// Builds a day from a proleptic Gregorian date; `nil` when the date does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
      return nil
    }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    self.ordinal = era * 146_097 + doe - 719_468
  }

  /// Parses `YYYY-MM-DD` exactly (ten characters); `nil` otherwise.
  public init?(iso text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Year, month and day of this date.
  public var components: (year: Int, month: Int, day: Int) {
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// Day of the week, 0 = Sunday … 6 = Saturday.
  public var weekday: Int { ((ordinal % 7) + 7 + 4) % 7 }

  /// `YYYY-MM-DD`.
  public var iso: String {
    let (y, m, d) = components
    guard (0...9_999).contains(y) else { return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2) }
    // Ten digits and dashes written in place: every row of the archive's input and of the hub
    // CSV carries a date (millions a run), and building it from three padded strings was a sixth
    // of writing the input file.
    return String(unsafeUninitializedCapacity: 10) { text in
      func put(_ value: Int, width: Int, at start: Int) {
        var rest = value
        for index in stride(from: start + width - 1, through: start, by: -1) {
          text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      put(y, width: 4, at: 0)
      text[4] = UInt8(ascii: "-")
      put(m, width: 2, at: 5)
      text[7] = UInt8(ascii: "-")
      put(d, width: 2, at: 8)
      return 10
    }
  }

  public var description: String { iso }

  public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  /// Whole days from `rhs` to `lhs`.
  public static func - (lhs: Day, rhs: Day) -> Int { lhs.ordinal - rhs.ordinal }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}

extension Day: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a YYYY-MM-DD date, found \"\(text)\"")
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}
