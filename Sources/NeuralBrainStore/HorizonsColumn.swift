import NeuralBrainCore

/// The `horizons` column of the `forecast_series` table: one line per horizon,
/// `<horizon> <target end date> [q1,q2,…,q23]`, written and read without a JSON encoder (a daily
/// run stores over half a million horizons, and the evaluation reads back those of weeks of runs).
enum HorizonsColumn {
  /// The column of `horizons`, in their order.
  static func text(_ horizons: [HorizonForecast]) -> String {
    horizons.map { line(horizon: $0.horizon, targetEndDate: $0.targetEndDate.iso, quantiles: quantiles($0.quantiles)) }
      .joined(separator: "\n")
  }

  /// One horizon's line; `quantiles` as `quantiles(_:)` writes them.
  static func line(horizon: Int, targetEndDate: String, quantiles: String) -> String {
    "\(horizon) \(targetEndDate) \(quantiles)"
  }

  /// `[v1,v2,…]` with each value's shortest round-trip form; values are finite (validated).
  static func quantiles(_ values: [Double]) -> String {
    "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
  }

  /// The horizons of a column written by `text`; nil when a line is malformed.
  static func horizons(_ text: String) -> [HorizonForecast]? {
    var horizons: [HorizonForecast] = []
    for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
      let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2)
      guard fields.count == 3, let horizon = Int(Substring(fields[0])),
        let end = Day(iso: String(Substring(fields[1]))),
        let quantiles = values(fields[2])
      else { return nil }
      horizons.append(HorizonForecast(horizon: horizon, targetEndDate: end, quantiles: quantiles))
    }
    return horizons
  }

  /// The values of `[v1,v2,…]` (as `quantiles(_:)` or a JSON encoder writes it); nil when malformed.
  ///
  /// Read byte by byte: trimming each field as a `String` was a quarter of a daily run after a
  /// few weeks of runs.
  static func values(_ text: Substring.UTF8View.SubSequence) -> [Double]? {
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

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
  }
}
