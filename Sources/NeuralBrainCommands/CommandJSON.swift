import Foundation

/// Machine-readable command output: sorted keys, ISO-8601 dates, snake_case keys.
enum CommandJSON {
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
