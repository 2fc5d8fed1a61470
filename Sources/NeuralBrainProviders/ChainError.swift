import Foundation
import NeuralBrainCore

/// Why a chain run produced nothing. Exit status 75 (EX_TEMPFAIL): the previous release stays live.
public enum ChainError: Error, LocalizedError, ExitStatusProviding {
  case exhausted(failures: [ProviderFailure])

  public var exitStatus: ExitStatus { .tempFailure }

  public var errorDescription: String? {
    switch self {
    case .exhausted(let failures):
      let summary = failures.suffix(5).map(\.description).joined(separator: "; ")
      return "every provider in the chain failed and `local` is not in [providers] order, so no forecast was made"
        + (summary.isEmpty ? "" : " (last failures: \(summary))")
        + ". Add \"local\" to the order or fix the providers; the previous release stays live."
    }
  }
}
