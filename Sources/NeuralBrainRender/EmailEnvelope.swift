/// Who the daily summary goes to and how it is addressed (RFC 5322 headers).
///
/// These values come from the operator's settings, not from data, and become header lines
/// verbatim, so `validate()` refuses anything that could break out of its header.
public struct EmailEnvelope: Sendable, Hashable {
  /// The sender, e.g. `NeuralBrain <forecasts@example.org>`; its domain also names the Message-ID.
  public var from: String
  /// One or more recipients (at least one).
  public var to: [String]
  /// Starts the subject line; may be empty.
  public var subjectPrefix: String
  /// A `mailto:` or `https:` URL; adds `List-Unsubscribe` (and one-click
  /// `List-Unsubscribe-Post` for https, RFC 8058).
  public var listUnsubscribe: String?

  public init(from: String, to: [String], subjectPrefix: String = "[NeuralBrain]", listUnsubscribe: String? = nil) {
    self.from = from
    self.to = to
    self.subjectPrefix = subjectPrefix
    self.listUnsubscribe = listUnsubscribe
  }

  /// The address part of `from`: `a@b` out of `Name <a@b>`, or `from` itself.
  public var senderAddress: String {
    guard let open = from.lastIndex(of: "<"), let close = from.lastIndex(of: ">"), open < close else { return from }
    return String(from[from.index(after: open)..<close])
  }

  /// The domain of the sender's address (lower-cased), when it is a plain host name.
  var senderDomain: String? {
    let address = senderAddress
    guard let at = address.lastIndex(of: "@") else { return nil }
    let domain = address[address.index(after: at)...].lowercased()
    let isHostName =
      !domain.isEmpty && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
      && domain.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
      }
    return isHostName ? domain : nil
  }

  /// Refuses values that would inject header lines or that no mail system accepts.
  ///
  /// - Throws: `RenderError.invalidEmailHeader` naming the header and what is wrong.
  func validate() throws {
    try Self.checkAddress(from, header: "From")
    guard !to.isEmpty else {
      throw RenderError.invalidEmailHeader(name: "To", reason: "has no recipient; give at least one address")
    }
    for address in to { try Self.checkAddress(address, header: "To") }
    try Self.checkLine(subjectPrefix, header: "Subject")
    if let url = listUnsubscribe {
      try Self.checkLine(url, header: "List-Unsubscribe")
      let lower = url.lowercased()
      guard lower.hasPrefix("mailto:") || lower.hasPrefix("https:") else {
        throw RenderError.invalidEmailHeader(
          name: "List-Unsubscribe", reason: "\"\(url)\" is not a mailto: or https: URL")
      }
      guard url.unicodeScalars.allSatisfy({ $0.isASCII && $0 != " " && $0 != "<" && $0 != ">" }) else {
        throw RenderError.invalidEmailHeader(
          name: "List-Unsubscribe",
          reason: "\"\(url)\" holds spaces, angle brackets or non-ASCII characters; "
            + "percent-encode them")
      }
    }
  }

  private static func checkAddress(_ address: String, header: String) throws {
    try checkLine(address, header: header)
    guard address.unicodeScalars.allSatisfy(\.isASCII) else {
      throw RenderError.invalidEmailHeader(
        name: header, reason: "\"\(address)\" holds non-ASCII characters; use an ASCII display name and address")
    }
    guard address.contains("@") else {
      throw RenderError.invalidEmailHeader(name: header, reason: "\"\(address)\" is not an e-mail address (no @)")
    }
  }

  /// One line of text: no CR, LF or other control character.
  private static func checkLine(_ value: String, header: String) throws {
    if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
      throw RenderError.invalidEmailHeader(
        name: header, reason: "contains a line break (CR or LF), which would start a new header; write it on one line")
    }
    if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      throw RenderError.invalidEmailHeader(name: header, reason: "contains a control character; remove it")
    }
  }
}
