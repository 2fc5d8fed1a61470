import NeuralBrainTemplates

/// The XHTML escaping the site uses (the renderer's `Markup.escape`), as a `TemplateEscaper`:
/// `&`, `<`, `>`, `"` and `'` become entities, control characters other than tab, line feed and
/// carriage return become spaces.
enum TestEscaping {
  static let xhtml: TemplateEscaper = { text, output in
    var text = text
    text.withUTF8 { bytes in
      // Runs of bytes that need nothing are copied whole; most texts are one such run.
      var runStart = 0
      for index in bytes.indices where needsEscaping(bytes[index]) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        appendEscaped(bytes[index], to: &output)
        runStart = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
  }

  /// `text` escaped as `xhtml` escapes it.
  static func xhtml(_ text: String) -> String {
    var bytes: [UInt8] = []
    xhtml(text, &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func needsEscaping(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
  }

  private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
    switch byte {
    case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
    case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
    case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
    case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
    case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
    case 0x09, 0x0A, 0x0D: output.append(byte)
    default: output.append(UInt8(ascii: " "))
    }
  }
}
