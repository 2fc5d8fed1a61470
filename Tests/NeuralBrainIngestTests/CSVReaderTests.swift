import NeuralBrainCore
import Testing

@testable import NeuralBrainIngest

@Suite("CSV reader and cell parser")
struct CSVReaderTests {
  private func rows(_ text: String) throws -> [(line: Int, fields: [String])] {
    var reader = CSVReader(file: try InputFile(path: "t.csv", bytes: Array(text.utf8)))
    var fields: [CSVReader.Field] = []
    var out: [(Int, [String])] = []
    while try reader.next(into: &fields) { out.append((reader.line, fields.map { reader.text($0) })) }
    return out
  }

  @Test("splits quoted fields with commas, doubled quotes and line breaks, counting physical lines")
  func quoting() throws {
    let result = try rows("a,b\r\n\"Korea, South\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",x\nlast,\n")
    #expect(result.map(\.line) == [1, 2, 4, 6])
    #expect(result[1].fields == ["Korea, South", "say \"hi\""])
    #expect(result[2].fields == ["two\nlines", "x"])
    #expect(result[3].fields == ["last", ""])
  }

  @Test("reads a last row without a line break and a trailing empty field")
  func unterminated() throws {
    #expect(try rows("a,b\n1,").last?.fields == ["1", ""])
    #expect(try rows("a,b\n1,2").last?.fields == ["1", "2"])
  }

  @Test("rejects text after a closing quote, naming line and field")
  func strayQuote() {
    #expect(
      throws: IngestError.malformedRow(
        InputPosition(file: "t.csv", line: 2, column: 2), detail: "unexpected text after the closing quote of a field")
    ) {
      try rows("a,b\n1,\"x\"y\n")
    }
  }

  @Test(
    "parses numbers from bytes",
    arguments: [
      ("12", CellParser.Number.value(12)), (" 7 ", .value(7)), ("-3", .value(-3)), ("2.5", .value(2.5)),
      ("1e3", .value(1000)), ("", .missing), ("NA", .missing), ("12a", .invalid), ("nan", .invalid),
      ("inf", .invalid), ("--5", .invalid), ("-", .invalid), ("0x10", .invalid), ("1.2.3", .invalid),
      ("1250000000000000000", .value(1.25e18)),
    ])
  func numbers(text: String, expected: CellParser.Number) {
    let bytes = Array(text.utf8)
    #expect(CellParser.number(bytes, 0, bytes.count) == expected)
  }

  @Test(
    "parses ISO and JHU dates and refuses impossible ones",
    arguments: [
      ("2024-02-29", "iso", Day(year: 2024, month: 2, day: 29)), ("2023-02-29", "iso", nil), ("2024-1-01", "iso", nil),
      ("1/22/20", "us", Day(year: 2020, month: 1, day: 22)), ("12/31/2022", "us", Day(year: 2022, month: 12, day: 31)),
      ("13/1/20", "us", nil), ("1/22/2", "us", nil), ("1-22-20", "us", nil),
    ])
  func dates(text: String, format: String, expected: Day?) {
    let bytes = Array(text.utf8)
    let parsed = format == "iso" ? CellParser.isoDay(bytes, 0, bytes.count) : CellParser.usDay(bytes, 0, bytes.count)
    #expect(parsed == expected)
  }
}
