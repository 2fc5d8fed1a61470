import Foundation
import NeuralBrainCore

/// The values one vintage of one series changed, packed into one column.
///
/// A daily data set of 10,000 regions holds four million values; stored one row each, the store
/// step wrote four million B-tree entries per ingest. A vintage of a series is written and read
/// whole, so it is one row: `changes` holds 12 bytes per changed value — the day's ordinal
/// (Int32) and the value's bits (a withdrawn value is NaN, which no observation can be), both
/// little-endian, in day order.
struct VintageChanges: Equatable, Sendable {
  /// The day's ordinal → its value in this vintage (nil: the value was withdrawn).
  var values: [Int: Double?] = [:]

  /// Bytes per change: a 4-byte day ordinal and an 8-byte value.
  static let recordSize = 12

  init(values: [Int: Double?] = [:]) {
    self.values = values
  }

  /// Decodes a column written by `bytes`.
  init(bytes: [UInt8]) throws(MalformedVintage) {
    guard bytes.count % Self.recordSize == 0 else { throw MalformedVintage(byteCount: bytes.count) }
    values.reserveCapacity(bytes.count / Self.recordSize)
    var offset = 0
    while offset < bytes.count {
      var ordinal: UInt32 = 0
      for index in 0..<4 { ordinal |= UInt32(bytes[offset + index]) << (8 * index) }
      var bits: UInt64 = 0
      for index in 0..<8 { bits |= UInt64(bytes[offset + 4 + index]) << (8 * index) }
      let value = Double(bitPattern: bits)
      values[Int(Int32(bitPattern: ordinal))] = value.isNaN ? .some(nil) : .some(value)
      offset += Self.recordSize
    }
  }

  /// Decodes the `changes` column.
  init(column: Data) throws(MalformedVintage) {
    try self.init(bytes: [UInt8](column))
  }

  /// The `changes` column.
  var column: Data { Data(bytes) }

  /// The column's bytes: every change in day order.
  var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(values.count * Self.recordSize)
    for ordinal in values.keys.sorted() {
      let stored = UInt32(bitPattern: Int32(truncatingIfNeeded: ordinal))
      for index in 0..<4 { out.append(UInt8(truncatingIfNeeded: stored >> (8 * index))) }
      let value: Double? = values[ordinal] ?? nil
      let bits = (value ?? .nan).bitPattern
      for index in 0..<8 { out.append(UInt8(truncatingIfNeeded: bits >> (8 * index))) }
    }
    return out
  }
}

/// A `changes` column whose length is not a whole number of records: the database was edited by
/// hand or is damaged.
struct MalformedVintage: Error, CustomStringConvertible {
  var byteCount: Int

  var description: String {
    "an observation vintage holds \(byteCount) bytes, not a multiple of \(VintageChanges.recordSize); "
      + "the state database is damaged: restore it from a backup or start a new --state-dir"
  }
}
