import Foundation
import Logging

/// A swift-log handler writing one line per event to standard error: logfmt for people,
/// JSON lines for log collectors (`--log-format json`).
struct LineLogHandler: LogHandler {
  enum Format: String, CaseIterable, Sendable {
    case logfmt
    case json
  }

  let label: String
  let format: Format
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]
  /// Where lines go: standard error, above the status line when there is one.
  let line: StatusLine

  init(label: String, format: Format, level: Logger.Level, line: StatusLine) {
    self.label = label
    self.format = format
    self.logLevel = level
    self.line = line
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var fields: [(String, String)] = [
      ("time", Self.timestamp()), ("level", event.level.rawValue), ("msg", "\(event.message)"),
    ]
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    for key in merged.keys.sorted() { fields.append((key, "\(merged[key]!)")) }
    let line: String
    switch format {
    case .logfmt:
      line = fields.map { "\($0.0)=\(Self.logfmtValue($0.1))" }.joined(separator: " ")
    case .json:
      let object = Dictionary(fields, uniquingKeysWith: { $1 })
      let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
      line = String(decoding: data, as: UTF8.self)
    }
    self.line.write(line: line)
  }

  static func logfmtValue(_ value: String) -> String {
    let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\n" }
    guard needsQuotes else { return value }
    let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
    return "\"\(escaped)\""
  }

  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: Date())
  }
}
