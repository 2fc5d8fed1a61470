/// SVG markup written as UTF-8 bytes into one buffer.
///
/// A region page's four fan charts are about 160 elements; spelling each coordinate, attribute
/// and element as a `String` of its own and concatenating them took three fifths of drawing a
/// chart (allocations and string growth). Here names and fixed text are static, coordinates go
/// in as digits (`NumberFormat.appendTrimmed`) and text through `Markup.appendEscaped`.
struct SVGWriter {
  private(set) var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(8_192) }

  /// The markup as text.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends `text` as it is: fixed markup, e.g. `"</g>\n"`.
  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends markup written before (a legend drawn once for every chart).
  mutating func raw(_ other: SVGWriter) {
    bytes.append(contentsOf: other.bytes)
  }

  /// `<name key="value" …/>` on a line of its own, or `<name …>text</name>` with `text`: the
  /// attributes in the given order, values and text escaped.
  mutating func element(
    _ name: StaticString, _ attributes: KeyValuePairs<StaticString, SVGValue>, text: String? = nil
  ) {
    bytes.append(UInt8(ascii: "<"))
    raw(name)
    appendAttributes(attributes)
    guard let text else { return raw("/>\n") }
    bytes.append(UInt8(ascii: ">"))
    Markup.appendEscaped(text, to: &bytes)
    raw("</")
    raw(name)
    raw(">\n")
  }

  /// `<name key="value" …>` and a line break: the start of an element whose content follows.
  mutating func start(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, SVGValue>) {
    bytes.append(UInt8(ascii: "<"))
    raw(name)
    appendAttributes(attributes)
    raw(">\n")
  }

  private mutating func appendAttributes(_ attributes: KeyValuePairs<StaticString, SVGValue>) {
    for (key, value) in attributes {
      bytes.append(UInt8(ascii: " "))
      raw(key)
      raw("=\"")
      switch value {
      case .text(let text): Markup.appendEscaped(text, to: &bytes)
      case .coordinate(let number): NumberFormat.appendTrimmed(number, maxDigits: 1, to: &bytes)
      case .path(let path): path.append(to: &bytes)
      }
      bytes.append(UInt8(ascii: "\""))
    }
  }
}

/// An attribute value of `SVGWriter`: text (escaped), a coordinate (at most one decimal) or
/// path data.
enum SVGValue: ExpressibleByStringInterpolation {
  case text(String)
  case coordinate(Double)
  case path(PathData)

  init(stringLiteral value: String) { self = .text(value) }
  init(stringInterpolation: DefaultStringInterpolation) {
    self = .text(String(stringInterpolation: stringInterpolation))
  }

  /// A coordinate: `.at(x)`.
  static func at(_ value: Double) -> SVGValue { .coordinate(value) }
}
