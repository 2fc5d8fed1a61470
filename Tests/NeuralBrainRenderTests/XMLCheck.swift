import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses text as XML (libxml2 underneath), the way the publish stage validates markup files.
enum XMLCheck {
  /// The parser's complaint, or an empty list when `text` is well-formed.
  static func errors(in text: String) -> [String] {
    let parser = XMLParser(data: Data(text.utf8))
    // On Linux `parse()` can report success for a recovered document, so the error is checked too.
    guard !parser.parse() || parser.parserError != nil else { return [] }
    return [
      "line \(parser.lineNumber), column \(parser.columnNumber): "
        + (parser.parserError.map { "\($0)" } ?? "parse error")
    ]
  }
}
