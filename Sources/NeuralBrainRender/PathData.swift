/// The `d` attribute of an SVG path, written as bytes.
///
/// A region page's four fan charts carry about 2,800 coordinates; spelling each one as a
/// `String` and concatenating it cost more than the rest of the chart. Here each coordinate's
/// digits go straight into one buffer (`NumberFormat.appendTrimmed`, at most one decimal).
struct PathData {
  private var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1_024) }

  var isEmpty: Bool { bytes.isEmpty }

  /// Appends the path data to markup being written.
  func append(to markup: inout [UInt8]) {
    markup.append(contentsOf: bytes)
  }

  /// Appends path commands or separators, e.g. `" L"`.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends what `other` holds (a value spelled once and used many times).
  mutating func append(_ other: PathData) {
    bytes.append(contentsOf: other.bytes)
  }

  /// Appends `x y`.
  mutating func appendPoint(_ x: Double, _ y: Double) {
    appendCoordinate(x)
    bytes.append(UInt8(ascii: " "))
    appendCoordinate(y)
  }

  /// Appends `value` with at most one decimal, as `NumberFormat.trimmed(value, maxDigits: 1)`.
  mutating func appendCoordinate(_ value: Double) {
    NumberFormat.appendTrimmed(value, maxDigits: 1, to: &bytes)
  }
}
