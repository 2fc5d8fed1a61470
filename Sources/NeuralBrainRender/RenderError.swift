import Foundation
import NeuralBrainCore

/// Why a release could not be rendered; the previous release stays live.
public enum RenderError: Error, Sendable, Equatable {
  /// The templates folder could not be listed.
  case templatesDirectoryUnreadable(path: String, reason: String)
  /// A template the site needs is not in the templates folder.
  case missingTemplate(name: String, directory: String)
  /// A template file is not valid Mustache.
  case unparsableTemplate(file: String, line: Int, column: Int, reason: String)
  /// Two regions map to the same page.
  case duplicateRegionID(String)
  /// A number to publish is NaN or infinite.
  case nonFiniteValue(file: String, detail: String)
  /// A forecast does not have the shape the schema promises.
  case malformedForecast(regionID: String, detail: String)
  /// A JSON document could not be encoded.
  case encodingFailed(file: String, reason: String)
  /// A file name could not be built from safe components.
  case invalidPath(String)
  /// An e-mail header value from the envelope is unsafe or unusable (e.g. holds a line break).
  case invalidEmailHeader(name: String, reason: String)
}

extension RenderError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .templatesDirectoryUnreadable(let path, let reason):
      "cannot read the templates folder \(path): \(reason). Point the renderer at the project's "
        + "templates/ folder (or a copy of it)."
    case .missingTemplate(let name, let directory):
      "template \(name).mustache is missing from \(directory). Restore it from the project's "
        + "templates/ folder."
    case .unparsableTemplate(let file, let line, let column, let reason):
      "\(file):\(line):\(column): invalid Mustache (\(reason)). Fix the tag at that position, "
        + "e.g. close every {{#section}} with {{/section}}."
    case .duplicateRegionID(let id):
      "two regions share the id \"\(id)\", so their pages would overwrite each other. Give the "
        + "regions distinct codes in the input data."
    case .nonFiniteValue(let file, let detail):
      "\(file): \(detail) is not a finite number. The forecast must be normalized before rendering."
    case .malformedForecast(let regionID, let detail):
      "region \(regionID): \(detail). The forecast must be normalized before rendering."
    case .encodingFailed(let file, let reason):
      "\(file): JSON encoding failed: \(reason)."
    case .invalidPath(let path):
      "\"\(path)\" is not a safe site path (letters, digits, '-', '_' and '.' only)."
    case .invalidEmailHeader(let name, let reason):
      "e-mail header \(name): \(reason). Correct the value in the e-mail settings (sender, "
        + "recipients, subject prefix or unsubscribe URL)."
    }
  }
}

extension RenderError: ExitStatusProviding {
  public var exitStatus: ExitStatus {
    switch self {
    case .templatesDirectoryUnreadable, .missingTemplate, .unparsableTemplate, .invalidEmailHeader: .config
    case .duplicateRegionID, .nonFiniteValue, .malformedForecast, .encodingFailed: .dataError
    case .invalidPath: .cantCreate
    }
  }
}
