import Foundation
import NeuralBrainCore
import NeuralBrainMarkup

/// Checks every file of a release before it goes live.
///
/// HTML goes through libxml2's HTML parser, SVG/XML/Atom through its XML parser, JSON through
/// a syntax scanner. One error anywhere refuses the whole release.
public enum ReleaseValidator {
  /// Parses one file as its extension says.
  public static func check(_ file: SiteFile) throws(PublishError) {
    do throws(MarkupError) {
      try parse(file)
    } catch {
      throw .invalidFile(error)
    }
  }

  static func parse(_ file: SiteFile) throws(MarkupError) {
    let name = file.path.description
    switch file.path.fileExtension {
    case "html":
      try MarkupDocument.check(bytes: file.contents, kind: .html, name: name)
    case "svg", "xml":
      try MarkupDocument.check(bytes: file.contents, kind: .xml, name: name)
    case "json":
      if let error = JSONSyntax.firstError(in: file.contents) {
        let before = file.contents[..<min(error.offset, file.contents.count)]
        let line = before.count { $0 == 0x0A } + 1
        let column = error.offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        throw MarkupError(file: name, line: line, column: column, message: "invalid JSON: \(error.reason)")
      }
    default:
      return
    }
  }
}
