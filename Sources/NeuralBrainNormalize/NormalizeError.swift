import Foundation
import NeuralBrainCore

/// Why a provider's output was not published: the normalizer rejects output it cannot trust
/// rather than letting a malformed or absurd forecast reach the site.
public enum NormalizeError: Error, LocalizedError, ExitStatusProviding, Hashable, Sendable {
  /// The output of `provider` is unusable; `message` names the region, metric and horizon and
  /// says what is wrong.
  case invalidOutput(provider: String, message: String)

  public var errorDescription: String? {
    switch self {
    case .invalidOutput(let provider, let message):
      "Provider '\(provider)' returned an invalid forecast: \(message). The output was rejected; "
        + "fix the provider or let the run fall back to the next one."
    }
  }

  public var exitStatus: ExitStatus { .dataError }
}
