import Foundation
import NeuralBrainCore
import NeuralBrainIngest
import NeuralBrainTestSupport
import Testing

/// One malformed fixture and the exact error it must produce.
struct BadInput: Sendable, CustomTestStringConvertible {
  var file: String
  var kind: SourceKind = .csv
  var expected: @Sendable (String) -> IngestError

  var testDescription: String { file }
}

@Suite("Bad input is refused with file, line and column")
struct BadInputTests {
  static let cases: [BadInput] = [
    BadInput(file: "missing-column.csv") {
      .missingColumn(path: $0, line: 1, name: "metric", found: ["date", "region", "value"])
    },
    BadInput(file: "unknown-column.csv") {
      .unknownColumn(InputPosition(file: $0, line: 1, column: 5, columnName: "colour"))
    },
    BadInput(file: "bad-date.csv") {
      .badDate(
        InputPosition(file: $0, line: 3, column: 1, columnName: "date"), text: "2024-02-30", expected: "YYYY-MM-DD")
    },
    BadInput(file: "bad-number.csv") {
      .badNumber(InputPosition(file: $0, line: 2, column: 4, columnName: "value"), text: "12a")
    },
    BadInput(file: "nan-value.csv") {
      .badNumber(InputPosition(file: $0, line: 4, column: 4, columnName: "value"), text: "nan")
    },
    BadInput(file: "negative.csv") {
      .negativeValue(InputPosition(file: $0, line: 2, column: 4, columnName: "value"), text: "-3")
    },
    BadInput(file: "duplicate.csv") {
      .duplicateRow(
        InputPosition(file: $0, line: 4, column: 1, columnName: "date"), firstLine: 2,
        key: "region \"a\", metric cases, date 2024-01-01")
    },
    BadInput(file: "unknown-metric.csv") {
      .unknownMetric(InputPosition(file: $0, line: 2, column: 3, columnName: "metric"), text: "recovered")
    },
    BadInput(file: "short-row.csv") {
      .malformedRow(InputPosition(file: $0, line: 2, column: 4), detail: "3 fields where the header has 4")
    },
    BadInput(file: "unclosed-quote.csv") {
      .malformedRow(InputPosition(file: $0, line: 2, column: 2), detail: "a quoted field is never closed")
    },
    BadInput(file: "empty.csv") { .emptyFile(path: $0) },
    BadInput(file: "header-only.csv") { .emptyFile(path: $0) },
    BadInput(file: "every-third-day.csv") {
      .irregularDates(
        InputPosition(file: $0, line: 3, column: 1),
        detail: "date 2024-01-04 is 3 days after the first date 2024-01-01; expected daily or weekly dates")
    },
    BadInput(file: "latin1.csv") {
      .invalidEncoding(
        InputPosition(file: $0, line: 2, column: 13),
        detail: "byte 0xFC is not valid UTF-8 (the file looks like Latin-1 or Windows-1252)")
    },
    BadInput(file: "utf16.csv") {
      .invalidEncoding(
        InputPosition(file: $0, line: 1, column: 1), detail: "the file starts with a UTF-16 byte-order mark")
    },
    BadInput(file: "hub-daily.csv", kind: .hub) {
      .irregularDates(
        InputPosition(file: $0, line: 3, column: 1),
        detail:
          "date 2024-01-07 is 1 days after the first date 2024-01-06; expected weekly dates (the same weekday every week)"
      )
    },
    BadInput(file: "jhu-bad-header-date.csv", kind: .jhu) {
      .badDate(InputPosition(file: $0, line: 1, column: 6), text: "13/45/23", expected: "M/D/YY")
    },
    BadInput(file: "jhu-duplicate.csv", kind: .jhu) {
      .duplicateRow(
        InputPosition(file: $0, line: 5, column: 2, columnName: "Country/Region"), firstLine: 3,
        key: "province \"Ontario\" of \"Canada\"")
    },
    BadInput(file: "jhu-negative.csv", kind: .jhu) {
      .negativeValue(InputPosition(file: $0, line: 2, column: 6, columnName: "1/31/23"), text: "-1")
    },
    // InputLimits (docs/configuration.md): names, dates, counts, populations.
    BadInput(file: "long-name.csv") {
      .outOfLimits(
        InputPosition(file: $0, line: 2, column: 2, columnName: "region"), text: String(repeating: "x", count: 300),
        detail: "is 300 characters long; the limit is 200")
    },
    BadInput(file: "control-name.csv") {
      .outOfLimits(
        InputPosition(file: $0, line: 2, column: 2, columnName: "region"), text: "evil\u{1B}[31mred",
        detail: "holds the character U+1B, which is not allowed in a name")
    },
    BadInput(file: "noncharacter-name.csv") {
      .outOfLimits(
        InputPosition(file: $0, line: 2, column: 2, columnName: "region"), text: "bad\u{FFFE}name",
        detail: "holds the character U+FFFE, which is not allowed in a name")
    },
    BadInput(file: "future-date.csv") {
      .outOfLimits(
        InputPosition(file: $0, line: 3, column: 1, columnName: "date"), text: "9999-12-31",
        detail: "is after 2026-12-01, one day past the run's clock; data cannot come from the future")
    },
    BadInput(file: "ancient-date.csv") {
      .outOfLimits(
        InputPosition(file: $0, line: 2, column: 1, columnName: "date"), text: "1800-01-01",
        detail: "is before 1900-01-01, the earliest date accepted")
    },
    BadInput(file: "huge-value.csv") {
      .outOfLimits(
        InputPosition(file: $0, line: 3, column: 4, columnName: "value"), text: "1e200",
        detail: "is above the limit of 10000000000 for one period")
    },
    BadInput(file: "fraction-value.csv") {
      .outOfLimits(
        InputPosition(file: $0, line: 2, column: 4, columnName: "value"), text: "5.5",
        detail: "is not a whole number; counts of people are")
    },
    BadInput(file: "zero-population.csv") {
      .outOfLimits(
        InputPosition(file: $0, line: 2, column: 2, columnName: "region"), text: "population 0",
        detail: "is not a population; leave the cell empty when it is unknown")
    },
  ]

  @Test("each malformed file fails with the exact error and exit status 65", arguments: cases)
  func refused(input: BadInput) async throws {
    let path = Fixture.path("bad/" + input.file)
    let error = await #expect(throws: IngestError.self) { try await Fixture.load(input.kind, [path]) }
    #expect(error == input.expected(path))
    #expect(error?.exitStatus == .dataError)
    #expect(error?.errorDescription?.contains(path) == true)
  }

  @Test("an error never echoes a huge or control-laden cell whole")
  func boundedMessages() async throws {
    let path = Fixture.path("bad/long-name.csv")
    let error = await #expect(throws: IngestError.self) { try await Fixture.load(.csv, [path]) }
    let message = try #require(error?.errorDescription)
    #expect(message.count < 400, "\(message.count) characters")
    let control = await #expect(throws: IngestError.self) {
      try await Fixture.load(.csv, [Fixture.path("bad/control-name.csv")])
    }
    #expect(control?.errorDescription?.contains("\u{1B}") == false)
  }

  @Test("a 2 GB file is refused from its size alone, before any byte is read")
  func hugeFile() async throws {
    let directory = try TemporaryDirectory()
    let path = directory.url.appendingPathComponent("huge.csv").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 2 << 30)
    try handle.close()
    let error = await #expect(throws: IngestError.self) { try await Fixture.load(.csv, [path]) }
    #expect(error == .fileTooLarge(path: path, size: 2 << 30, limit: SourceOptions.defaultFileMaxBytes))
    #expect(error?.exitStatus == .dataError)
  }

  @Test("a missing file exits 74 and names the path")
  func missingFile() async {
    let path = Fixture.path("bad/does-not-exist.csv")
    let error = await #expect(throws: IngestError.self) { try await Fixture.load(.csv, [path]) }
    #expect(error == .fileNotFound(path: path))
    #expect(error?.exitStatus == .ioError)
  }

  @Test("a directory given as input exits 74")
  func directoryInput() async {
    let path = Fixture.path("bad")
    let error = await #expect(throws: IngestError.self) { try await Fixture.load(.csv, [path]) }
    #expect(error == .unreadable(path: path, reason: "not a regular file"))
    #expect(error?.exitStatus == .ioError)
  }
}
