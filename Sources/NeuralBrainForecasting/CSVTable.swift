/// A minimal RFC 4180 reader for the hub CSV files scoring needs (quotes, CRLF, header row).
///
/// Kept internal: it only serves `HubModelOutput` and `HubTargetTable`, which report errors with
/// the file, line and column of the offending field.
struct CSVTable {
  /// Header names, unquoted and trimmed.
  var header: [String]
  /// Data rows with the 1-based line number each starts on.
  var rows: [(line: Int, fields: [String])]

  init(_ text: String) {
    var records: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var previousWasQuote = false
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    func endRecord() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
      fields.removeAll(keepingCapacity: true)
    }
    for byte in text.utf8 {
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          inQuotes = false
          previousWasQuote = true
          continue
        }
        if byte == UInt8(ascii: "\n") { line += 1 }
        field.append(byte)
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        if previousWasQuote { field.append(byte) }
        inQuotes = true
      case UInt8(ascii: ","):
        endField()
      case UInt8(ascii: "\n"):
        endRecord()
        line += 1
        recordLine = line
      case UInt8(ascii: "\r"):
        break
      default:
        field.append(byte)
      }
      previousWasQuote = false
    }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    if let first = records.first {
      header = first.fields.map { $0.trimmingSpaces }
      rows = Array(records.dropFirst())
    } else {
      header = []
      rows = []
    }
    if let bom = header.first, bom.hasPrefix("\u{FEFF}") { header[0] = String(bom.dropFirst()) }
  }

  /// Index of the column named `name`, or `nil`.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

extension String {
  var trimmingSpaces: String {
    var view = Substring(self)
    while view.first == " " { view.removeFirst() }
    while view.last == " " { view.removeLast() }
    return String(view)
  }
}
