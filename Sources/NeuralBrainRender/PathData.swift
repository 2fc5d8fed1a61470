/// The `d` attribute of an SVG path, written as bytes.
///
/// A region page's four fan charts carry about 2,800 coordinates; spelling each one as a
/// `String` and concatenating it cost more than the rest of the chart. Here each coordinate's
/// digits go straight into one buffer, spelled exactly as `NumberFormat.trimmed(_:maxDigits: 1)`
/// spells them (at most one decimal, no trailing zero, `0` for anything that rounds to zero,
/// `-` for a non-finite value).
struct PathData {
  private var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1_024) }

  var isEmpty: Bool { bytes.isEmpty }

  /// The path data as text (ASCII only).
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends path commands or separators, e.g. `" L"`.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends `x y`.
  mutating func appendPoint(_ x: Double, _ y: Double) {
    appendCoordinate(x)
    bytes.append(UInt8(ascii: " "))
    appendCoordinate(y)
  }

  /// Appends `value` with at most one decimal, as `NumberFormat.trimmed(value, maxDigits: 1)`.
  mutating func appendCoordinate(_ value: Double) {
    guard value.isFinite else {
      bytes.append(UInt8(ascii: "-"))
      return
    }
    let scaled = (abs(value) * 10).rounded()
    guard scaled < 9e15 else {
      bytes.append(contentsOf: NumberFormat.trimmed(value, maxDigits: 1).utf8)
      return
    }
    let tenths = Int64(scaled)
    guard tenths != 0 else {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(of: tenths / 10)
    let tenth = tenths % 10
    if tenth != 0 {
      bytes.append(UInt8(ascii: "."))
      bytes.append(UInt8(ascii: "0") + UInt8(tenth))
    }
  }

  /// Appends the decimal digits of `number` (≥ 0).
  private mutating func appendDigits(of number: Int64) {
    guard number >= 10 else {
      bytes.append(UInt8(ascii: "0") + UInt8(number))
      return
    }
    var digits: (UInt64, UInt64) = (0, 0)
    var count = 0
    var rest = number
    withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0 {
        buffer[15 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
      bytes.append(contentsOf: buffer[(16 - count)...])
    }
  }
}
