import Foundation
import NeuralBrainCore

/// Locale-free, deterministic formatting of numbers and times for every rendered file.
///
/// Output must be byte-identical across machines and runs, so nothing here consults a locale,
/// a time zone or the clock.
enum NumberFormat {
  /// `value` with exactly `digits` decimals (`"-"` for a non-finite value).
  static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "-" }
    let scale = powerOfTen(digits)
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(format: "%.\(digits)f", value) }
    let units = Int64(scaled)
    let divisor = Int64(scale)
    let whole = String(units / divisor)
    let sign = value < 0 && units != 0 ? "-" : ""
    guard digits > 0 else { return sign + whole }
    let fraction = String(units % divisor)
    return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
  }

  /// 10^`digits`, from a table for the usual few (no `pow` for every number of a chart or CSV).
  private static func powerOfTen(_ digits: Int) -> Double {
    digits >= 0 && digits < powersOfTen.count ? powersOfTen[digits] : pow(10.0, Double(digits))
  }

  private static let powersOfTen: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8]

  /// `value` with at most `digits` decimals and no trailing zeros (`12.5`, `3`, `0.0125`).
  static func trimmed(_ value: Double, maxDigits digits: Int = 4) -> String {
    var bytes: [UInt8] = []
    appendTrimmed(value, maxDigits: digits, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `trimmed(value, maxDigits: digits)` to `bytes`.
  ///
  /// Millions of hub CSV values and chart coordinates go through here, so the zeros are dropped
  /// from the integer and its digits written as bytes, without intermediate text.
  static func appendTrimmed(_ value: Double, maxDigits digits: Int = 4, to bytes: inout [UInt8]) {
    guard value.isFinite else {
      bytes.append(UInt8(ascii: "-"))
      return
    }
    let scale = powerOfTen(digits)
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else {
      bytes.append(contentsOf: withoutTrailingZeros(fixed(value, digits)).utf8)
      return
    }
    var units = Int64(scaled)
    var decimals = digits
    while decimals > 0 && units % 10 == 0 {
      units /= 10
      decimals -= 1
    }
    guard units != 0 else {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var divisor: Int64 = 1
    for _ in 0..<decimals { divisor *= 10 }
    appendDigits(of: units / divisor, count: 1, to: &bytes)
    guard decimals > 0 else { return }
    bytes.append(UInt8(ascii: "."))
    appendDigits(of: units % divisor, count: decimals, to: &bytes)
  }

  /// Appends the decimal digits of `number` (≥ 0), left-padded with zeros to at least `count`.
  private static func appendDigits(of number: Int64, count: Int, to bytes: inout [UInt8]) {
    let start = bytes.count
    var rest = number
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0 || bytes.count - start < count
    bytes[start...].reverse()
  }

  /// `text` (a fixed-point number) without trailing decimal zeros or a trailing point.
  static func withoutTrailingZeros(_ text: String) -> String {
    var text = text
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// A count for people to read: thousands grouped with commas; one decimal below 100 when
  /// the value is not whole (`12,345`, `3.4`).
  static func count(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    if abs(value) < 100, value.rounded() != value {
      return fixed(value, 1)
    }
    return grouped(fixed(value, 0))
  }

  /// A probability or share as a percentage with `digits` decimals (`34%`, `87.5%`).
  static func percent(_ fraction: Double, digits: Int = 0) -> String {
    fixed(fraction * 100, digits) + "%"
  }

  /// An axis tick label for `value` on a scale whose step is `step`.
  static func tick(_ value: Double, step: Double) -> String {
    guard step < 1 else { return grouped(fixed(value, 0)) }
    let digits = min(6, max(1, Int((-log10(step)).rounded(.up))))
    return fixed(value, digits)
  }

  /// `2026-11-29T01:30:00Z`.
  static func isoTimestamp(_ date: Date) -> String {
    let (day, seconds) = split(date)
    return day.iso + "T" + twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":"
      + twoDigits(seconds % 60) + "Z"
  }

  /// `2026-11-29 01:30 UTC`.
  static func displayTimestamp(_ date: Date) -> String {
    let (day, seconds) = split(date)
    return day.iso + " " + twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + " UTC"
  }

  /// The UTC calendar day of `date`.
  static func day(_ date: Date) -> Day { split(date).day }

  private static func split(_ date: Date) -> (day: Day, seconds: Int) {
    let day = Day(containing: date)
    return (day, Int(date.timeIntervalSince1970.rounded(.down)) - day.ordinal * 86_400)
  }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  private static func grouped(_ digits: String) -> String {
    var body = Substring(digits)
    let sign = body.hasPrefix("-") ? "-" : ""
    if !sign.isEmpty { body = body.dropFirst() }
    var groups: [Substring] = []
    while body.count > 3 {
      groups.insert(body.suffix(3), at: 0)
      body = body.dropLast(3)
    }
    groups.insert(body, at: 0)
    return sign + groups.joined(separator: ",")
  }
}
