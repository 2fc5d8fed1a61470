import Foundation
import NeuralBrainCore
import NeuralBrainMarkup

/// Checks every file of a release before anything is written.
///
/// HTML goes through libxml2's HTML parser, SVG/XML/Atom through its XML parser, JSON through
/// Foundation's parser. One error anywhere refuses the whole release.
public enum ReleaseValidator {
  public static func validate(_ files: [SiteFile]) throws(PublishError) {
    var seen: Set<SitePath> = []
    for file in files {
      guard seen.insert(file.path).inserted else { throw .duplicatePath(file.path.description) }
      try validate(file)
    }
  }

  static func validate(_ file: SiteFile) throws(PublishError) {
    do {
      try check(file)
    } catch {
      throw .invalidFile(error)
    }
  }

  static func check(_ file: SiteFile) throws(MarkupError) {
    let name = file.path.description
    switch file.path.fileExtension {
    case "html":
      _ = try MarkupDocument(bytes: file.contents, kind: .html, name: name)
    case "svg", "xml":
      _ = try MarkupDocument(bytes: file.contents, kind: .xml, name: name)
    case "json":
      guard (try? JSONSerialization.jsonObject(with: Data(file.contents))) != nil else {
        throw MarkupError(file: name, line: 0, column: 0, message: "invalid JSON")
      }
    default:
      return
    }
  }
}
