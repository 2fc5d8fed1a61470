import CLibXML2
import Foundation

/// A parsed HTML or XML document: the only type that touches libxml2 pointers.
///
/// Parsing collects every error libxml2 reports; `parse` throws the first one, so a release
/// with a malformed page is never published. XPath queries serve the tests and the publisher.
public final class MarkupDocument {
  /// Which libxml2 parser to use.
  public enum Kind: Sendable {
    /// The HTML parser (tolerant of HTML5 elements libxml2 2.9 does not know).
    case html
    /// The XML parser (SVG, Atom, sitemap).
    case xml
  }

  private let document: xmlDocPtr

  /// Parses `bytes`; throws the first error libxml2 reported.
  /// libxml2 initialises its globals once, before any thread parses (its error handler is
  /// per thread, so documents may then be parsed on several threads at once).
  private static let parserInitialized: Void = xmlInitParser()

  public init(bytes: [UInt8], kind: Kind, name: String) throws(MarkupError) {
    var parsed: xmlDocPtr?
    do {
      try Self.reportingErrors(in: name) {
        parsed =
          Self.withCString(bytes) { pointer, count -> xmlDocPtr? in
            // libxml2's headers carry no nullability: without the type, the result would be
            // force-unwrapped, and a refused document (NULL) would trap.
            switch kind {
            case .html:
              let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
              return htmlReadMemory(pointer, count, name, "UTF-8", options)
            case .xml:
              return xmlReadMemory(pointer, count, name, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
            }
          } ?? nil
      }
    } catch {
      if let parsed { xmlFreeDoc(parsed) }
      throw error
    }
    guard let parsed else {
      throw MarkupError(file: name, line: 0, column: 0, message: "empty or unparsable document")
    }
    document = parsed
  }

  /// Checks that `bytes` parse without error, as `init` would, without building the document:
  /// what the publisher runs on every page and chart of a release (a tree's allocations were
  /// most of the check's time).
  ///
  /// An HTML page that is well-formed XML passes on the XML parser alone: the built-in
  /// templates write polyglot XHTML, which libxml2's XML tokenizer checks 4.5 times as fast as
  /// its HTML parser (350 MB/s against 77 on a region page), and balanced, quoted, escaped
  /// markup is what the check is for. Any other page (`<br>`, `&nbsp;` in a user's template) is
  /// the HTML parser's to judge, and a refused page is reported with the HTML parser's error.
  /// The one difference: the HTML parser also refuses some content-model mistakes of
  /// well-formed markup (a `<div>` inside a `<p>`), which browsers repair.
  public static func check(bytes: [UInt8], kind: Kind, name: String) throws(MarkupError) {
    if kind == .html, (try? check(bytes: bytes, kind: .xml, name: name)) != nil { return }
    var status: Int32?
    try reportingErrors(in: name) {
      status = withCString(bytes) { pointer, count in
        switch kind {
        case .html: nb_check_html(pointer, count, name, Int32(HTML_PARSE_NONET.rawValue))
        case .xml: nb_check_xml(pointer, count, name, Int32(XML_PARSE_NONET.rawValue))
        }
      }
    }
    guard status == 0 else {
      throw MarkupError(
        file: name, line: 0, column: 0, message: "empty document, or libxml2 could not allocate a parser")
    }
  }

  /// Runs `parse` with libxml2's errors collected, and throws the first one.
  private static func reportingErrors(in name: String, _ parse: () -> Void) throws(MarkupError) {
    _ = Self.parserInitialized
    let collector = ErrorCollector()
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    xmlSetStructuredErrorFunc(unmanaged.toOpaque()) { context, error in
      guard let context, let error else { return }
      let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
      collector.record(error.pointee)
    }
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    parse()
    if let first = collector.errors.first {
      throw MarkupError(file: name, line: first.line, column: first.column, message: first.message)
    }
  }

  /// `body` with the bytes as a C string and their count; nil for no bytes.
  private static func withCString<Result>(
    _ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int32) -> Result
  ) -> Result? {
    guard !bytes.isEmpty else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0, Int32(buffer.count)) }
    }
  }

  deinit { xmlFreeDoc(document) }

  /// Number of nodes an XPath expression selects.
  public func count(_ xpath: String) -> Int { nodes(xpath).count }

  /// Text content of each node an XPath expression selects.
  public func strings(_ xpath: String) -> [String] { nodes(xpath) }

  private func nodes(_ xpath: String) -> [String] {
    guard let context = xmlXPathNewContext(document) else { return [] }
    defer { xmlXPathFreeContext(context) }
    _ = xmlXPathRegisterNs(context, "svg", "http://www.w3.org/2000/svg")
    _ = xmlXPathRegisterNs(context, "atom", "http://www.w3.org/2005/Atom")
    _ = xmlXPathRegisterNs(context, "sm", "http://www.sitemaps.org/schemas/sitemap/0.9")
    guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
    defer { xmlXPathFreeObject(result) }
    guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
    return (0..<Int(set.pointee.nodeNr)).map { index in
      guard let node = set.pointee.nodeTab[index], let content = xmlNodeGetContent(node) else {
        return ""
      }
      defer { nb_xml_free(content) }
      return String(cString: content)
    }
  }
}

/// Receives libxml2's structured errors during one parse.
private final class ErrorCollector {
  struct Entry {
    var line: Int
    var column: Int
    var message: String
  }

  /// libxml2 2.9 flags HTML5 elements (`main`, `nav`, `svg`, …) as unknown HTML tags; they are
  /// valid HTML5, so that one code is not an error here.
  static let ignoredCodes: Set<Int32> = [Int32(XML_HTML_UNKNOWN_TAG.rawValue)]

  var errors: [Entry] = []

  func record(_ error: xmlError) {
    guard error.level.rawValue >= XML_ERR_ERROR.rawValue, !Self.ignoredCodes.contains(error.code) else {
      return
    }
    let message = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
    errors.append(
      Entry(
        line: Int(error.line), column: Int(error.int2),
        message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
  }
}
