/// The one place where text is escaped for markup this module builds itself (SVG, Atom, sitemap).
///
/// HTML pages come from Mustache templates, whose `{{ }}` tags apply the same five-character
/// escaping; everything the Swift code writes into SVG or XML goes through `escape(_:)`.
enum Markup {
  /// Replaces `&`, `<`, `>`, `"` and `'` with entities valid in both HTML and XML.
  static func escape(_ text: String) -> String {
    // Most values (coordinates, classes, numbers) need nothing: return them without a copy.
    func needsWork(_ byte: UInt8) -> Bool {
      byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
    let found =
      text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: needsWork) }
      ?? text.utf8.contains(where: needsWork)
    guard found else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters other than tab, newline and carriage return are not allowed in XML.
        if scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Appends `text`, escaped as `escape(_:)` does, to `bytes`.
  static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: escape(text).utf8)
  }

  /// A text field of a published CSV file: quoted when it holds a comma, quote or line break
  /// (RFC 4180), and neutralised for spreadsheets when it starts with `=`, `+`, `-`, `@`, a tab or
  /// a carriage return (OWASP's CSV-injection rule: prefixed with `'`, so a region named
  /// `=HYPERLINK(…)` stays text). Numbers are written by `NumberFormat`, never through here.
  static func csvField(_ text: String) -> String {
    let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
    let neutral = text.first.map { formulaStarts.contains($0) } == true ? "'" + text : text
    guard neutral.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return neutral
    }
    var out = "\""
    for character in neutral {
      out += character == "\"" ? "\"\"" : String(character)
    }
    return out + "\""
  }

  /// `href` value for an outside URL: only `http` and `https` links are kept, so provider or
  /// source text can never become a `javascript:` link.
  static func safeLink(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    return url
  }
}
