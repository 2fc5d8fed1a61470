import Foundation
import NeuralBrainTestSupport

/// The real forecast-hub files in `../shared/data` (relative to the package root), read-only.
/// Tests that use them are skipped when the folder is absent.
enum SharedData {
  static let root = PackagePaths.sharedData

  static var isAvailable: Bool { FileManager.default.fileExists(atPath: flusightHub.path) }

  static var flusightHub: URL { root.appendingPathComponent("flusight/FluSight-forecast-hub") }

  /// Rows of a CSV file as dictionaries keyed by header (double quotes removed, `""` unescaped).
  static func rows(_ url: URL) throws -> [[String: String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map { fields(of: $0) }
    guard !lines.isEmpty else { return [] }
    let header = lines.removeFirst()
    return lines.map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
  }

  private static func fields(of line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var previous: Character?
    for character in line {
      switch character {
      case "\"":
        if !quoted, previous == "\"" { current.append("\"") }
        quoted.toggle()
      case "," where !quoted:
        fields.append(current)
        current = ""
      default:
        current.append(character)
      }
      previous = character
    }
    fields.append(current)
    return fields
  }
}
