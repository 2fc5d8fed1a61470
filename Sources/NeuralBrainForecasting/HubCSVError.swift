import Foundation
import NeuralBrainCore

/// Why a hub CSV file (model output or target data) could not be read.
public enum HubCSVError: LocalizedError, ExitStatusProviding, Equatable, Sendable {
  /// A required column is absent from the header.
  case missingColumn(file: String, column: String)
  /// A field holds something that is not a valid value of its column.
  case invalidField(file: String, line: Int, column: Int, name: String, value: String, expected: String)
  /// A forecast does not carry exactly the 23 hub quantile levels.
  case incompleteQuantiles(file: String, location: String, referenceDate: Day, horizon: Int, found: Int)

  public var errorDescription: String? {
    switch self {
    case let .missingColumn(file, column):
      return "\(file): the header has no \"\(column)\" column. Check that this is a hub CSV file."
    case let .invalidField(file, line, column, name, value, expected):
      return "\(file):\(line):\(column): \(name) \"\(value)\" is not \(expected). Fix or remove the row."
    case let .incompleteQuantiles(file, location, referenceDate, horizon, found):
      return "\(file): location \(location), reference date \(referenceDate), horizon \(horizon) "
        + "has \(found) quantile levels instead of the 23 hub levels. Re-export all 23 levels."
    }
  }

  public var exitStatus: ExitStatus { .dataError }
}
