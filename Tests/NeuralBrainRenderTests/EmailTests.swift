import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainMarkup
import NeuralBrainPipeline
import Testing

@testable import NeuralBrainRender

@Suite("Daily summary e-mail")
struct EmailTests {
  static let envelope = EmailEnvelope(from: "NeuralBrain <forecasts@example.org>", to: ["alerts@example.org"])

  @Test("headers, two quoted-printable parts with text/plain first, and CRLF everywhere")
  func structure() throws {
    let renderer = try SiteFixtures.renderer()
    let message = try renderer.emailMessage(SiteFixtures.content(), envelope: Self.envelope)
    let mail = try ParsedMail(message.bytes)

    #expect(mail.header("Date") == "Sun, 29 Nov 2026 01:00:00 +0000")
    #expect(mail.header("From") == "NeuralBrain <forecasts@example.org>")
    #expect(mail.header("To") == "alerts@example.org")
    #expect(mail.header("Subject") == "[NeuralBrain] 2026-11-21: 3 regions, 1 RED, 1 rising")
    #expect(mail.header("Message-ID") == "<20261129t010000z-0001.summary@example.org>")
    #expect(mail.header("MIME-Version") == "1.0")
    #expect(mail.header("Content-Type") == "multipart/alternative; boundary=\"=_nb_20261129t010000z-0001\"")
    #expect(mail.header("List-Unsubscribe") == nil)
    #expect(mail.boundary == message.boundary)

    #expect(mail.parts.map { $0.header("Content-Type") } == ["text/plain; charset=utf-8", "text/html; charset=utf-8"])
    for part in mail.parts {
      #expect(part.header("Content-Transfer-Encoding") == "quoted-printable")
    }
    #expect(try mail.parts[0].decodedText() == message.text)
    #expect(try mail.parts[1].decodedText() == message.html)

    let text = String(decoding: message.bytes, as: UTF8.self)
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF outside CRLF")
    for line in text.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 76, "line longer than 76 characters: \(line)")
    }
  }

  @Test("the same content and envelope give byte-identical messages")
  func deterministic() throws {
    let renderer = try SiteFixtures.renderer()
    let content = SiteFixtures.content(previous: ["al": .yellow], baseURL: "https://example.org/flu")
    #expect(try renderer.email(content, envelope: Self.envelope) == renderer.email(content, envelope: Self.envelope))
  }

  @Test("the body names the run, the counts, the alerts and each region's next-period forecast")
  func content() throws {
    let content = SiteFixtures.content(previous: ["al": .yellow, "be": .green, "ga": .green])
    let message = try SiteFixtures.renderer().emailMessage(content, envelope: Self.envelope)
    for part in [message.text, message.html] {
      #expect(part.contains("2026-11-29 01:00 UTC"))
      #expect(part.contains("2026-11-21"))
      #expect(part.contains("local-ensemble-v1"))
      #expect(part.contains("now RED (up from YELLOW)"))
      #expect(part.contains("moved up from GREEN to YELLOW"))
      #expect(part.contains("1,475"), "next-week median of Alpha County")
      #expect(part.contains("week ending 2026-11-28"))
    }
    #expect(message.text.contains("3 regions: RED 1, YELLOW 1, GREEN 1, 1 rising."))
    #expect(message.text.contains("- Alpha County: RED (risk 82/100), trend increasing ↑"))
    // Highest risk first: Alpha (RED), Beta (YELLOW), Gamma (GREEN).
    let order = ["Alpha County", "Beta Province", "Gamma City"].compactMap { message.html.range(of: $0)?.lowerBound }
    #expect(order.count == 3 && order == order.sorted())
  }

  @Test("the HTML part is valid markup without SVG or images, laid out in presentation tables")
  func htmlPart() throws {
    let content = SiteFixtures.content(
      regionName: "<b>Bad & \"worse\"</b>", previous: ["al": .green], baseURL: "https://example.org/")
    let html = try SiteFixtures.renderer().emailMessage(content, envelope: Self.envelope).html
    #expect(XMLCheck.errors(in: html) == [])
    let document = try MarkupDocument(bytes: Array(html.utf8), kind: .html, name: "email.html")
    #expect(document.count("//svg") == 0)
    #expect(document.count("//img") == 0)
    #expect(!html.contains("<svg") && !html.contains("<img"))
    #expect(document.count("//table[@role='presentation']") == 2)
    #expect(document.count("//tbody/tr") == 3)
    #expect(document.count("//style") == 1)
    #expect(html.contains("@media"))
    #expect(document.strings("//tbody/tr/th").contains("<b>Bad & \"worse\"</b>"))
    // Every `#` not part of a character reference starts a colour.
    let colours = html.matches(of: /[^&]#([0-9A-Za-z]*)/).map { String($0.output.1) }
    #expect(!colours.isEmpty)
    #expect(colours.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isHexDigit) }, "not six-digit hex: \(colours)")
  }

  @Test("links to the site, the regions and the dated archive appear only with a base URL")
  func links() throws {
    let renderer = try SiteFixtures.renderer()
    let linked = try renderer.emailMessage(
      SiteFixtures.content(baseURL: "https://example.org/flu"), envelope: Self.envelope)
    for part in [linked.text, linked.html] {
      #expect(part.contains("https://example.org/flu/index.html"))
      #expect(part.contains("https://example.org/flu/region/al.html"))
      #expect(part.contains("https://example.org/flu/archive/2026-11-29/"))
    }
    let plain = try renderer.emailMessage(SiteFixtures.content(), envelope: Self.envelope)
    for part in [plain.text, plain.html] {
      #expect(!part.contains("index.html") && !part.contains("region/") && !part.contains("archive/"))
    }
    #expect(SiteFixtures.content().archiveDate == Day(year: 2026, month: 11, day: 29))
  }

  @Test(
    "banners appear exactly when data are synthetic, stale or from a fallback",
    arguments: [(true, false, false), (false, true, false), (false, false, true), (false, false, false)])
  func banners(synthetic: Bool, stale: Bool, fallback: Bool) throws {
    let run = SiteFixtures.run(synthetic: synthetic, stale: stale, fallback: fallback)
    let message = try SiteFixtures.renderer().emailMessage(SiteFixtures.content(run: run), envelope: Self.envelope)
    for part in [message.text, message.html] {
      #expect(part.contains("not real epidemic figures") == synthetic)
      #expect(part.contains("Stale data.") == stale)
      #expect(part.contains("Fallback provider used.") == fallback)
    }
  }

  @Test("a hostile region name is escaped in HTML, verbatim in plain text, and adds no header or part")
  func hostileName() throws {
    let renderer = try SiteFixtures.renderer()
    let boundary = "--=_nb_20261129t010000z-0001"
    let hostile = "<script>alert(1)</script> & \"Co\" 'x'\r\nBcc: victim@example.com\r\n\r\n\(boundary)\r\nX: y"
    let message = try renderer.emailMessage(
      SiteFixtures.content(regionName: hostile, run: SiteFixtures.run(model: "m<b>")), envelope: Self.envelope)
    #expect(!message.html.contains("<script") && !message.html.contains("<b>"))
    #expect(message.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &#39;x&#39;"))
    #expect(message.text.contains("<script>alert(1)</script> & \"Co\" 'x'"), "plain text is not HTML-escaped")

    let mail = try ParsedMail(message.bytes)
    let benign = try ParsedMail(renderer.email(SiteFixtures.content(), envelope: Self.envelope))
    #expect(mail.headers.map { $0.name } == benign.headers.map { $0.name })
    #expect(mail.header("Bcc") == nil)
    #expect(mail.parts.count == 2)
    #expect(try mail.parts[0].decodedText() == message.text.replacingOccurrences(of: "\r\n", with: "\n"))
    #expect(try mail.parts[1].decodedText() == message.html.replacingOccurrences(of: "\r\n", with: "\n"))
  }

  @Test(
    "an envelope value that could add headers is refused and named",
    arguments: [
      ("From", EmailEnvelope(from: "a@example.org\r\nBcc: x@example.org", to: ["b@example.org"])),
      ("To", EmailEnvelope(from: "a@example.org", to: ["b@example.org", "c@example.org\nBcc: x@example.org"])),
      ("Subject", EmailEnvelope(from: "a@example.org", to: ["b@example.org"], subjectPrefix: "[NB]\r\nBcc: x")),
      (
        "List-Unsubscribe",
        EmailEnvelope(from: "a@example.org", to: ["b@example.org"], listUnsubscribe: "https://x.org/u\rBcc: x")
      ),
      ("To", EmailEnvelope(from: "a@example.org", to: [])),
      ("From", EmailEnvelope(from: "nobody", to: ["b@example.org"])),
      ("From", EmailEnvelope(from: "Prévisions <a@example.org>", to: ["b@example.org"])),
      (
        "List-Unsubscribe", EmailEnvelope(from: "a@example.org", to: ["b@example.org"], listUnsubscribe: "javascript:x")
      ),
    ])
  func headerInjection(header: String, envelope: EmailEnvelope) throws {
    let renderer = try SiteFixtures.renderer()
    do {
      _ = try renderer.email(SiteFixtures.content(), envelope: envelope)
      Issue.record("expected the envelope to be refused")
    } catch let error as RenderError {
      guard case .invalidEmailHeader(let name, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(name == header)
      #expect(error.errorDescription?.contains("e-mail header \(header)") == true)
      #expect(error.exitStatus == .config)
    }
  }

  @Test("List-Unsubscribe is added when configured, with one-click POST only for https")
  func listUnsubscribe() throws {
    let renderer = try SiteFixtures.renderer()
    var envelope = Self.envelope
    envelope.listUnsubscribe = "https://example.org/unsubscribe?list=daily"
    let https = try ParsedMail(renderer.email(SiteFixtures.content(), envelope: envelope))
    #expect(https.header("List-Unsubscribe") == "<https://example.org/unsubscribe?list=daily>")
    #expect(https.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
    envelope.listUnsubscribe = "mailto:leave@example.org"
    let mailto = try ParsedMail(renderer.email(SiteFixtures.content(), envelope: envelope))
    #expect(mailto.header("List-Unsubscribe") == "<mailto:leave@example.org>")
    #expect(mailto.header("List-Unsubscribe-Post") == nil)
  }

  @Test("a non-ASCII subject is RFC 2047-encoded, an address without a plain domain gets a neutral Message-ID")
  func encodedSubject() throws {
    let envelope = EmailEnvelope(
      from: "forecasts@[192.0.2.1]", to: ["a@example.org", "b@example.org"], subjectPrefix: "[Prévisions épidémiques]")
    let bytes = try SiteFixtures.renderer().email(SiteFixtures.content(), envelope: envelope)
    let mail = try ParsedMail(bytes)
    let subject = try #require(mail.header("Subject"))
    #expect(subject.hasPrefix("=?utf-8?q?"))
    #expect(subject.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(try Self.decodeEncodedWords(subject) == "[Prévisions épidémiques] 2026-11-21: 3 regions, 1 RED, 1 rising")
    #expect(mail.header("To") == "a@example.org, b@example.org")
    #expect(mail.header("Message-ID") == "<20261129t010000z-0001.summary@neuralbrain.invalid>")
    for line in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 76, "line longer than 76 characters: \(line)")
    }
  }

  @Test("more than 25 regions: the riskiest 25 are listed, ties by name, and the rest are counted")
  func cutOff() throws {
    let run = SiteFixtures.run()
    var forecasts = (0..<30).map { index in
      var forecast = SiteFixtures.forecast(
        name: "Region \(index < 10 ? "0" : "")\(index)", code: "R\(index)", level: 100, growth: 1.0, risk: .green,
        run: run)
      forecast.riskScore = Double(index)
      return forecast
    }
    forecasts[3].riskScore = 29  // ties with Region 29, which sorts after it by name
    let content = SiteContent(run: run, forecasts: forecasts)
    let message = try SiteFixtures.renderer().emailMessage(content, envelope: Self.envelope)
    #expect(message.text.contains("... and 5 more on the site."))
    #expect(message.html.contains("… and 5 more on the site."))
    let document = try MarkupDocument(bytes: Array(message.html.utf8), kind: .html, name: "email.html")
    let names = document.strings("//tbody/tr/th")
    #expect(names.count == 25)
    #expect(Array(names.prefix(3)) == ["Region 03", "Region 29", "Region 28"])
    #expect(names.last == "Region 06")
  }

  @Test("with 2,000 regions the message stays under Gmail's 102 KB clipping limit")
  func size() throws {
    let run = SiteFixtures.run()
    let forecasts = (0..<2_000).map { index in
      SiteFixtures.forecast(
        name: "Region number \(index) with a longer name", code: "R\(index)", level: 100, growth: 1.1,
        risk: index % 2 == 0 ? .red : .yellow, run: run)
    }
    let previous = Dictionary(uniqueKeysWithValues: forecasts.map { ($0.regionID, RiskLevel.green) })
    let content = SiteContent(
      run: run, forecasts: forecasts, previousRiskLevels: previous, baseURL: "https://example.org/")
    let message = try SiteFixtures.renderer().emailMessage(content, envelope: Self.envelope)
    let bytes = message.bytes
    #expect(bytes.count < 102 * 1024, "message is \(bytes.count) bytes")
    #expect(message.html.contains("and 1975 more on the site"))
    #expect(message.html.contains("and 1975 more alerts on the site"))
  }

  @Test(
    "a missing e-mail template is named, and the site still renders without it", arguments: ["email.txt", "email.html"])
  func missingTemplate(name: String) throws {
    let directory = try TemporaryTemplates(removing: name + ".mustache")
    defer { directory.remove() }
    let renderer = try TemplateLocator(fileSystem: LocalFileSystem()).renderer(directory.url)
    #expect(try !renderer.render(SiteFixtures.content()).isEmpty)
    #expect(throws: RenderError.missingTemplate(name: name, directory: directory.url.path)) {
      try renderer.email(SiteFixtures.content(), envelope: Self.envelope)
    }
  }

  @Test(
    "quoted-printable keeps lines within 76 characters and round-trips",
    arguments: [
      "", "plain\n", "a=b\n", "trailing space \nand tab\t\n", String(repeating: "x", count: 200) + "\n",
      String(repeating: "é", count: 60) + "\n", "lone\rCR and CRLF\r\nend", String(repeating: "= ", count: 50),
    ])
  func quotedPrintable(text: String) throws {
    let encoded = EmailMessage.quotedPrintable(text)
    #expect(encoded.unicodeScalars.allSatisfy { $0.isASCII && ($0.value >= 0x20 || $0 == "\r" || $0 == "\n") })
    for line in encoded.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 76)
      #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
    }
    let decoded = try #require(MailPart.decodeQuotedPrintable(encoded))
    #expect(decoded == text.replacingOccurrences(of: "\r\n", with: "\n"))
  }

  @Test("the message matches its golden file")
  func golden() throws {
    var envelope = EmailEnvelope(
      from: "NeuralBrain <forecasts@example.org>", to: ["alerts@example.org", "Team <team@example.org>"])
    envelope.listUnsubscribe = "https://example.org/unsubscribe"
    let content = SiteFixtures.content(
      previous: ["al": .yellow, "be": .green, "ga": .green], baseURL: "https://example.org/flu")
    let bytes = try SiteFixtures.renderer().email(content, envelope: envelope)
    try Golden.check(String(decoding: bytes, as: UTF8.self), named: "email.eml")
  }

  /// Decodes RFC 2047 Q-encoded words separated by spaces.
  static func decodeEncodedWords(_ header: String) throws -> String {
    var bytes: [UInt8] = []
    for word in header.split(separator: " ") {
      let payload = try #require(word.wholeMatch(of: /=\?utf-8\?q\?(.*)\?=/)?.output.1)
      let text = payload.replacingOccurrences(of: "_", with: " ")
      bytes += try #require(MailPart.decodeQuotedPrintable(text)?.utf8)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// A received message, parsed just enough to check its structure.
struct ParsedMail {
  var headers: [(name: String, value: String)]
  var boundary: String
  var parts: [MailPart]

  init(_ bytes: [UInt8]) throws {
    let text = String(decoding: bytes, as: UTF8.self)
    let split = try #require(text.range(of: "\r\n\r\n"))
    headers = Self.headers(String(text[..<split.lowerBound]))
    let contentType = try #require(headers.first { $0.name == "Content-Type" }?.value)
    boundary = try #require(contentType.firstMatch(of: /boundary="([^"]+)"/)?.output.1).description
    let sections = text[split.upperBound...].components(separatedBy: "\r\n--" + boundary)
    try #require(sections.count == 4, "expected a preamble, two parts and the closing delimiter")
    #expect(sections[3] == "--\r\n")
    parts = try sections[1...2].map { section in
      try #require(section.hasPrefix("\r\n"))
      let body = try #require(section.range(of: "\r\n\r\n"))
      return MailPart(
        headers: Self.headers(String(section.dropFirst()[..<body.lowerBound])),  // "\r\n" is one Character
        body: String(section[body.upperBound...]))
    }
  }

  func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

  /// Unfolded `Name: value` lines.
  static func headers(_ block: String) -> [(name: String, value: String)] {
    block.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n").compactMap { line in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst()))
    }
  }
}

/// One body part of a `ParsedMail`.
struct MailPart {
  var headers: [(name: String, value: String)]
  var body: String

  func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

  /// The body decoded from quoted-printable, with LF line ends as the templates render them.
  func decodedText() throws -> String { try #require(Self.decodeQuotedPrintable(body)) }

  /// RFC 2045 decoding: soft breaks removed, `=XX` to bytes, CRLF to LF; nil on a malformed escape.
  static func decodeQuotedPrintable(_ text: String) -> String? {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "=") else {
        out.append(bytes[index])
        index += 1
        continue
      }
      guard index + 2 < bytes.count else { return nil }
      if bytes[index + 1] == UInt8(ascii: "\r"), bytes[index + 2] == UInt8(ascii: "\n") {
        index += 3
        continue
      }
      guard let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16) else {
        return nil
      }
      out.append(value)
      index += 3
    }
    return String(decoding: out, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  }
}
