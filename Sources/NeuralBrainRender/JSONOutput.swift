import Foundation
import NeuralBrainCore

/// The one JSON encoder configuration of the published API.
///
/// Sorted keys, unescaped slashes and ISO-8601 dates make every document byte-identical for
/// the same content; non-finite numbers are refused. Documents are compact (no indentation):
/// a daily region's forecast is half the size pretty printed would make it, and readers parse
/// or gunzip them rather than read them raw.
enum JSONOutput {
  /// Encodes `value` for `path`, with snake_case keys unless `snakeCase` is false (for
  /// documents whose keys a standard fixes).
  static func file<T: Encodable>(_ value: T, at path: SitePath, snakeCase: Bool = true) throws -> SiteFile {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
    do {
      var data = try encoder.encode(value)
      data.append(UInt8(ascii: "\n"))
      return SiteFile(path: path, contents: Array(data))
    } catch EncodingError.invalidValue(let bad, let context) {
      let location = context.codingPath.map(\.stringValue).joined(separator: ".")
      throw RenderError.nonFiniteValue(file: path.description, detail: "\(location) = \(bad)")
    } catch {
      throw RenderError.encodingFailed(file: path.description, reason: "\(error)")
    }
  }

  /// A region's `ForecastData` document: `ForecastDocumentWriter`'s bytes, the same as `file`'s
  /// at a fraction of the time; `file`'s error, naming the value, when a number is not finite.
  static func forecastDocument(_ forecast: ForecastData, at path: SitePath) throws -> SiteFile {
    guard let bytes = ForecastDocumentWriter.bytes(forecast) else { return try file(forecast, at: path) }
    return SiteFile(path: path, contents: bytes)
  }
}
