import Foundation
import NeuralBrainCore

/// Why an ingest failed, with the place to look and what to do about it.
///
/// Parsing errors carry an `InputPosition` (file, line, column). Bad data exits 65, an
/// unreachable source 69, an unreadable file 74 and an unusable option 78 (sysexits).
///
/// `indirect`, like `ConfigError`: large typed errors thrown through `throws(IngestError)` are
/// kept one pointer wide (see ConfigError for the -O stack corruption this avoids).
public indirect enum IngestError: Error, LocalizedError, ExitStatusProviding, Hashable, Sendable {
  /// The input file does not exist.
  case fileNotFound(path: String)
  /// The input exists but could not be read (permissions, a directory, an I/O error).
  case unreadable(path: String, reason: String)
  /// The input is larger than `max_bytes`; it was rejected before being read.
  case fileTooLarge(path: String, size: Int, limit: Int)
  /// The input has no data rows.
  case emptyFile(path: String)
  /// The input is not UTF-8 text (invalid bytes, a UTF-16 byte-order mark, NUL bytes).
  case invalidEncoding(InputPosition, detail: String)
  /// The header lacks a column the format requires.
  case missingColumn(path: String, line: Int, name: String, found: [String])
  /// The header has a column the format does not define.
  case unknownColumn(InputPosition)
  /// A row is not well-formed CSV, has the wrong number of fields or contradicts another row.
  case malformedRow(InputPosition, detail: String)
  /// A date cell is not a date in the format the source uses.
  case badDate(InputPosition, text: String, expected: String)
  /// A value cell is not a finite number.
  case badNumber(InputPosition, text: String)
  /// A count (incident or cumulative) is negative.
  case negativeValue(InputPosition, text: String)
  /// A metric cell names no known metric.
  case unknownMetric(InputPosition, text: String)
  /// The same region, metric and date appear on two rows.
  case duplicateRow(InputPosition, firstLine: Int, key: String)
  /// A hub model-output forecast lacks some of the 23 hub quantile levels.
  case incompleteQuantiles(InputPosition, forecast: String, found: Int)
  /// The dates are neither daily nor weekly (or not weekly where the format requires it).
  case irregularDates(InputPosition, detail: String)
  /// A source option is missing, out of range or does not fit the source kind.
  case invalidOption(key: String, detail: String)
  /// The same, for an option the command line gave (`--source`, `--input`, `--url`, `--regions`).
  case invalidFlag(flag: String, detail: String)
  /// The server could not be reached or did not answer in time, after all retries.
  case unreachable(url: String, detail: String)
  /// The server answered with an error status (5xx only after all retries).
  case httpStatus(url: String, status: Int, message: String)
  /// disease.sh has no data for a configured country.
  case countryNotFound(country: String, url: String, message: String)
  /// The response body is larger than `max_bytes`.
  case responseTooLarge(url: String, limit: Int)
  /// The response is not the JSON shape the API documents.
  case badResponse(url: String, detail: String)
  /// A cell outside `InputLimits` (a name too long or with control characters, a date in the
  /// future, a count that is not a whole number or too large, a population of 0).
  case outOfLimits(InputPosition, text: String, detail: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .fileNotFound, .unreadable: .ioError
    case .unreachable, .httpStatus: .unavailable
    case .invalidOption, .countryNotFound: .config
    case .invalidFlag: .usage
    case .fileTooLarge, .emptyFile, .invalidEncoding, .missingColumn, .unknownColumn,
      .malformedRow, .badDate, .badNumber, .negativeValue, .unknownMetric, .duplicateRow,
      .incompleteQuantiles, .irregularDates, .responseTooLarge, .badResponse, .outOfLimits:
      .dataError
    }
  }

  public var errorDescription: String? {
    switch self {
    case .fileNotFound(let path):
      "\(path): no such file. Check the path given with --input (or [source] inputs in the configuration file)."
    case .unreadable(let path, let reason):
      "\(path): cannot be read (\(reason)). Check that it is a regular file this user may read."
    case .fileTooLarge(let path, let size, let limit):
      "\(path): \(size) bytes is more than the limit of \(limit) bytes; it was not read. "
        + "Raise [source] max_bytes if the file is genuine."
    case .emptyFile(let path):
      "\(path): has no data rows. Check that the export finished and the file is the right one."
    case .invalidEncoding(let position, let detail):
      "\(position): \(detail). Save the file as UTF-8."
    case .missingColumn(let path, let line, let name, let found):
      "\(path):\(line): the header has no \"\(name)\" column (found: \(IngestError.columnList(found))). "
        + "Add the column or choose the source kind (--source, or [source] kind) that matches this file."
    case .unknownColumn(let position):
      "\(position): unknown column. Remove it or rename it to one the format defines."
    case .malformedRow(let position, let detail):
      "\(position): \(detail). Fix the row."
    case .badDate(let position, let text, let expected):
      "\(position): \"\(text)\" is not a date; expected \(expected). Fix the cell."
    case .badNumber(let position, let text):
      "\(position): \"\(text)\" is not a number. Use digits with an optional decimal point, or leave the cell empty for a missing value."
    case .negativeValue(let position, let text):
      "\(position): \(text) is negative; counts cannot be. Fix the cell, or leave it empty if unknown."
    case .unknownMetric(let position, let text):
      "\(position): unknown metric \"\(text)\". Use cases, deaths or hospital_admissions."
    case .duplicateRow(let position, let firstLine, let key):
      "\(position): \(key) appears again (first on line \(firstLine)). Keep only one of the two rows."
    case .incompleteQuantiles(let position, let forecast, let found):
      "\(position): \(forecast) has \(found) quantile levels instead of the 23 hub levels. Re-export all 23 levels."
    case .irregularDates(let position, let detail):
      "\(position): \(detail). Fix the date or remove the rows that are off the grid."
    case .invalidOption(let key, let detail):
      "[source] \(key): \(detail)."
    case .invalidFlag(let flag, let detail):
      "\(flag): \(detail). See 'neuralbrain run --help'."
    case .unreachable(let url, let detail):
      "\(url): unreachable (\(detail)). Check the network and [source] url; raise timeout_seconds or retries if the server is slow."
    case .httpStatus(let url, let status, let message):
      "\(url): the server answered HTTP \(status)\(message.isEmpty ? "" : " (\(message))"). Try again later or check [source] url."
    case .countryNotFound(let country, let url, let message):
      "\(url): no data for country \"\(country)\" (\(message)). Fix [source] countries."
    case .responseTooLarge(let url, let limit):
      "\(url): the response is larger than \(limit) bytes. Raise [source] max_bytes if this is expected."
    case .badResponse(let url, let detail):
      "\(url): unexpected response (\(detail)). Check that [source] url points at a disease.sh server."
    case .outOfLimits(let position, let text, let detail):
      "\(position): \"\(IngestError.excerpt(text))\" \(detail). Fix the cell (limits: docs/configuration.md)."
    }
  }
}

extension IngestError {
  /// At most 60 characters of a cell, control characters shown as `?`, so an error message never
  /// echoes a megabyte-long name or a terminal escape sequence.
  static func excerpt(_ text: String) -> String {
    let visible = String(
      String.UnicodeScalarView(
        text.unicodeScalars.prefix(60).map { scalar in
          scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint ? "?" : scalar
        }))
    return text.unicodeScalars.count > 60 ? visible + "…" : visible
  }

  /// A header's first eight column names, each an `excerpt`, and how many there are in all: a
  /// time-series file has a column per day, and a message must not echo 1,147 of them.
  static func columnList(_ names: [String]) -> String {
    let shown = names.prefix(8).map(excerpt).joined(separator: ", ")
    return names.count > 8 ? shown + ", … \(names.count) columns in all" : shown
  }
}
