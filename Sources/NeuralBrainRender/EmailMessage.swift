import Foundation
import NeuralBrainCore

/// The daily summary on the wire: RFC 5322 headers and a `multipart/alternative` body with the
/// plain-text part first and the HTML part last (clients show the last part they can render,
/// RFC 2046 §5.1.4), both UTF-8 in quoted-printable, every line ending in CRLF.
///
/// It keeps the mail format (folding, encoded words, quoted-printable) in one place. Header
/// values come from a validated `EmailEnvelope` or from safe components (dates, slugs), and
/// the bytes are a pure function of the fields.
struct EmailMessage {
  var envelope: EmailEnvelope
  /// Unencoded; may hold non-ASCII text.
  var subject: String
  var date: Date
  var runID: String
  var text: String
  var html: String

  /// Lines longer than this are folded (headers) or soft-broken (quoted-printable bodies).
  static let lineLimit = 76

  /// The MIME boundary. An `=` in quoted-printable text is always followed by two hex digits
  /// or a line break, so `=_` never occurs in a part: no data can end a part early.
  var boundary: String { "=_nb_" + Slug.make(runID) }

  var messageID: String { "<\(Slug.make(runID)).summary@\(envelope.senderDomain ?? "neuralbrain.invalid")>" }

  /// The whole message.
  var bytes: [UInt8] {
    var headers = [
      ("Date", Self.rfc5322Date(date)),
      ("From", envelope.from),
      ("To", envelope.to.joined(separator: ", ")),
      ("Subject", Self.encodedWords(subject)),
      ("Message-ID", messageID),
      ("MIME-Version", "1.0"),
      ("Auto-Submitted", "auto-generated"),
    ]
    if let url = envelope.listUnsubscribe {
      headers.append(("List-Unsubscribe", "<\(url)>"))
      if url.lowercased().hasPrefix("https:") {
        headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
      }
    }
    headers.append(("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""))
    var message = headers.map { Self.header($0, $1) }.joined()
    message += "\r\nThis is a multi-part message in MIME format.\r\n"
    for (type, body) in [("text/plain", text), ("text/html", html)] {
      message += "\r\n--\(boundary)\r\n"
      message += "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      message += Self.quotedPrintable(body)
    }
    message += "\r\n--\(boundary)--\r\n"
    return Array(message.utf8)
  }

  // MARK: - Encodings

  /// `Name: value` and CRLF, folded at spaces so lines stay within `lineLimit` where possible.
  static func header(_ name: String, _ value: String) -> String {
    var out = name + ":"
    var length = out.utf8.count
    for word in value.split(separator: " ", omittingEmptySubsequences: false) {
      if !word.isEmpty, length > name.utf8.count + 1, length + 1 + word.utf8.count > lineLimit {
        out += "\r\n"
        length = 0
      }
      out += " " + word
      length += 1 + word.utf8.count
    }
    return out + "\r\n"
  }

  /// `text` unchanged when it is ASCII; otherwise RFC 2047 `=?utf-8?q?…?=` words, each holding
  /// whole characters and short enough to follow `Subject: ` within `lineLimit`, separated by
  /// spaces where `header` may fold.
  static func encodedWords(_ text: String) -> String {
    guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
    let wrapper = "=?utf-8?q??=".utf8.count
    var words: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
      var encoded = ""
      for byte in String(scalar).utf8 {
        let isLiteral = Self.isAlphanumeric(byte) || "!*+-/".utf8.contains(byte)
        encoded += isLiteral ? String(UnicodeScalar(byte)) : byte == 0x20 ? "_" : "=" + Self.hex(byte)
      }
      if !current.isEmpty, "Subject: ".utf8.count + wrapper + current.utf8.count + encoded.utf8.count > lineLimit {
        words.append(current)
        current = ""
      }
      current += encoded
    }
    words.append(current)
    return words.map { "=?utf-8?q?\($0)?=" }.joined(separator: " ")
  }

  /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text whose lines end in LF or CRLF: CRLF line
  /// breaks, `=XX` for `=`, bytes outside printable ASCII, lone CRs and whitespace before a line
  /// break, and soft breaks (`=` at the end) keeping every line within `lineLimit`.
  static func quotedPrintable(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (number, line) in lines.enumerated() {
      let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
      var length = 0
      for (index, byte) in zip(bytes.indices, bytes) {
        let isLast = index == bytes.index(before: bytes.endIndex)
        let isLiteral =
          (byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "=")) || ((byte == 0x20 || byte == 0x09) && !isLast)
        let token = isLiteral ? String(UnicodeScalar(byte)) : "=" + hex(byte)
        // Room for the soft break's "=" unless this token ends the line.
        if length + token.utf8.count > (isLast ? lineLimit : lineLimit - 1) {
          out += "=\r\n"
          length = 0
        }
        out += token
        length += token.utf8.count
      }
      if number < lines.count - 1 { out += "\r\n" }
    }
    return out
  }

  /// RFC 5322 date in UTC: `Sun, 29 Nov 2026 01:00:00 +0000`.
  static func rfc5322Date(_ date: Date) -> String {
    let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let day = NumberFormat.day(date)
    let (year, month, dayOfMonth) = day.components
    let time = NumberFormat.isoTimestamp(date).dropFirst("YYYY-MM-DDT".count).prefix("hh:mm:ss".count)
    return "\(weekdays[day.weekday]), \(dayOfMonth) \(months[month - 1]) \(year) \(time) +0000"
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private static let hexDigits = Array("0123456789ABCDEF")

  private static func hex(_ byte: UInt8) -> String {
    String([hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
  }
}
