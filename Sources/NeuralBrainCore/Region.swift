/// A place forecasts are made for.
///
/// `id` is a safe slug used in URLs and file names; `code` is the source's own location code
/// (FIPS, ISO-2, a country name) kept for hub-format output.
public struct Region: Hashable, Codable, Sendable {
  public var id: String
  public var code: String
  public var name: String
  public var population: Double?

  public init(id: String, code: String, name: String, population: Double? = nil) {
    self.id = id
    self.code = code
    self.name = name
    self.population = population
  }

  /// A region whose id is derived from its code with `Slug.make`.
  public init(code: String, name: String, population: Double? = nil) {
    self.init(id: Slug.make(code), code: code, name: name, population: population)
  }
}

/// Safe identifiers for URLs and file names, never built from raw input directly.
public enum Slug {
  /// Lower-case ASCII letters, digits and single dashes; anything else becomes a dash.
  /// An input with no usable character yields `"x"` followed by a stable hash.
  public static func make(_ raw: String) -> String {
    var out = ""
    var lastDash = true
    for scalar in raw.unicodeScalars {
      let v = scalar.value
      if (v >= 48 && v <= 57) || (v >= 97 && v <= 122) {
        out.unicodeScalars.append(scalar)
        lastDash = false
      } else if v >= 65 && v <= 90 {
        out.unicodeScalars.append(Unicode.Scalar(v + 32)!)
        lastDash = false
      } else if !lastDash {
        out.append("-")
        lastDash = true
      }
      if out.utf8.count >= 64 { break }
    }
    while out.hasSuffix("-") { out.removeLast() }
    if out.isEmpty {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in raw.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return "x" + String(hash, radix: 16)
    }
    return out
  }

  /// True when `text` is already a slug `make` could have produced.
  public static func isValid(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= 80
      && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) || $0 == 45 }
      && !text.hasPrefix("-") && !text.hasSuffix("-")
  }
}
