import Foundation

/// The header row of a CSV input: finds columns by name and reports what is missing.
struct CSVHeader {
  /// Header names as written (trimmed).
  let names: [String]
  /// Header cells as byte ranges (JHU parses its date columns from them).
  let fields: [CSVReader.Field]
  let path: String
  let line: Int
  private let indexByName: [String: Int]

  /// Reads the first row of `reader` as the header.
  init(reading reader: inout CSVReader) throws(IngestError) {
    var fields: [CSVReader.Field] = []
    guard try reader.next(into: &fields) else { throw .emptyFile(path: reader.file.path) }
    let names = fields.map { reader.text($0).trimmingCharacters(in: .whitespaces) }
    var indexByName: [String: Int] = [:]
    for (index, name) in names.enumerated() where indexByName[name.lowercased()] == nil {
      indexByName[name.lowercased()] = index
    }
    self.names = names
    self.fields = fields
    self.path = reader.file.path
    self.line = reader.line
    self.indexByName = indexByName
  }

  /// Index of the first column named any of `names` (case-insensitive), if present.
  func index(of names: String...) -> Int? {
    names.lazy.compactMap { indexByName[$0] }.first
  }

  /// Index of the column named `name` (or an alias); throws `missingColumn` naming `name`.
  func require(_ name: String, aliases: String...) throws(IngestError) -> Int {
    for candidate in [name] + aliases {
      if let index = indexByName[candidate] { return index }
    }
    throw .missingColumn(path: path, line: line, name: name, found: names)
  }

  /// The header name of column `index`, for error positions.
  func name(_ index: Int) -> String? { names.indices.contains(index) ? names[index] : nil }
}
