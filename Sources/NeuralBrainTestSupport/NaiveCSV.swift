import Foundation

/// A deliberately simple CSV reader (split lines, then commas outside quotes) that tests use to
/// cross-check the real parser and to cut real files; not for production input.
public enum NaiveCSV {
  /// The fields of one line; quotes are dropped, a comma inside quotes stays in its field.
  public static func fields(_ line: some StringProtocol) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
      } else if character == ",", !quoted {
        fields.append(current)
        current = ""
      } else if character != "\r" {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }

  /// Every line of the file at `path` as fields, header included.
  public static func rows(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(fields)
  }

  /// `field`, quoted when it holds a comma.
  public static func quoted(_ field: String) -> String { field.contains(",") ? "\"\(field)\"" : field }
}
