import Foundation
import NeuralBrainCore

/// A state database problem.
public enum StoreError: Error, LocalizedError, ExitStatusProviding {
  /// The database file cannot be opened or migrated.
  case cannotOpen(path: String, reason: String)
  /// A read or write failed; the transaction was rolled back.
  case failed(operation: String, reason: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .cannotOpen: .cantCreate
    case .failed: .ioError
    }
  }

  public var errorDescription: String? {
    switch self {
    case let .cannotOpen(path, reason):
      "cannot open the state database at \(path): \(reason). Check that --state-dir is writable."
    case let .failed(operation, reason):
      "state database: \(operation) failed: \(reason). Nothing was changed (the transaction was rolled back)."
    }
  }
}
