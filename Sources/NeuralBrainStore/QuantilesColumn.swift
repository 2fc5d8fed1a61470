/// The `quantiles` column of the `forecast` table: a JSON array of numbers, written and read
/// without a JSON encoder (a daily run stores a hundred thousand of them).
enum QuantilesColumn {
  /// `[v1,v2,…]` with each value's shortest round-trip form; values are finite (validated).
  static func text(_ values: [Double]) -> String {
    "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
  }

  /// The values of a column written by `text` or by a JSON encoder; nil when malformed.
  static func values(_ text: String) -> [Double]? {
    let inner = text.utf8.drop { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: " ") }
    let trimmed = inner.prefix { $0 != UInt8(ascii: "]") }
    guard !trimmed.isEmpty else { return [] }
    var values: [Double] = []
    for field in trimmed.split(separator: UInt8(ascii: ",")) {
      guard let value = Double(String(decoding: field, as: UTF8.self).trimmingWhitespace) else { return nil }
      values.append(value)
    }
    return values
  }
}

extension String {
  fileprivate var trimmingWhitespace: String {
    String(drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
  }
}
