import Foundation
import NeuralBrainCore

/// The `horizons` column of the `forecast_series` table: every horizon of one run's forecast of
/// one series, packed.
///
/// A daily run of 10,000 regions stores 560,000 horizons of 23 quantiles; spelling each value
/// as text was most of the normalize step. Each horizon is the horizon (Int32), the target end
/// day's ordinal (Int32), the number of quantiles (Int32) and each quantile's bits (UInt64),
/// all little-endian: exact values, read back without parsing.
enum HorizonsColumn {
  /// The column of `horizons`, in their order.
  static func column(_ horizons: [HorizonForecast]) -> Data {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(horizons.reduce(0) { $0 + 12 + 8 * $1.quantiles.count })
    for horizon in horizons {
      for field in [horizon.horizon, horizon.targetEndDate.ordinal, horizon.quantiles.count] {
        append(UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: field))), bytes: 4, to: &bytes)
      }
      for value in horizon.quantiles { append(value.bitPattern, bytes: 8, to: &bytes) }
    }
    return Data(bytes)
  }

  /// The horizons of a column written by `column`; nil when it is cut short or too long.
  static func horizons(_ column: Data) -> [HorizonForecast]? {
    let bytes = [UInt8](column)
    var horizons: [HorizonForecast] = []
    var offset = 0
    func read(_ count: Int) -> UInt64? {
      guard offset + count <= bytes.count else { return nil }
      var value: UInt64 = 0
      for index in 0..<count { value |= UInt64(bytes[offset + index]) << (8 * index) }
      offset += count
      return value
    }
    func readInt() -> Int? { read(4).map { Int(Int32(bitPattern: UInt32($0))) } }
    while offset < bytes.count {
      guard let horizon = readInt(), let ordinal = readInt(), let count = readInt(), count >= 0,
        offset + 8 * count <= bytes.count
      else { return nil }
      let quantiles = (0..<count).map { _ in Double(bitPattern: read(8) ?? 0) }
      horizons.append(HorizonForecast(horizon: horizon, targetEndDate: Day(ordinal: ordinal), quantiles: quantiles))
    }
    return horizons
  }

  /// The values of `[v1,v2,…]`, as version 7 databases stored each horizon's quantiles (JSON
  /// numbers); nil when malformed. Read byte by byte, for the migration.
  static func values(_ text: Substring.UTF8View) -> [Double]? {
    var bytes = text
    while let first = bytes.first, isSpace(first) || first == UInt8(ascii: "[") { bytes = bytes.dropFirst() }
    if let end = bytes.firstIndex(of: UInt8(ascii: "]")) { bytes = bytes[..<end] }
    var values: [Double] = []
    values.reserveCapacity(QuantileLevels.hub.count)
    for field in bytes.split(separator: UInt8(ascii: ",")) {
      var digits = field
      while let first = digits.first, isSpace(first) { digits = digits.dropFirst() }
      while let last = digits.last, isSpace(last) { digits = digits.dropLast() }
      guard let value = Double(Substring(digits)) else { return nil }
      values.append(value)
    }
    return values
  }

  private static func append(_ value: UInt64, bytes count: Int, to bytes: inout [UInt8]) {
    for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
  }
}
