import NeuralBrainCore

/// The `quantiles` column of the `forecast` table: a JSON array of numbers, written and read
/// without a JSON encoder (a daily run stores a hundred thousand of them).
enum QuantilesColumn {
  /// `[v1,v2,…]` with each value's shortest round-trip form; values are finite (validated).
  static func text(_ values: [Double]) -> String {
    "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
  }

  /// The values of a column written by `text` or by a JSON encoder; nil when malformed.
  ///
  /// Read byte by byte: the evaluation reads every stored forecast of the runs before it, and
  /// trimming each field as a `String` was a quarter of a daily run after a few weeks of runs.
  static func values(_ text: String) -> [Double]? {
    var bytes = Substring(text).utf8
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

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
  }
}
