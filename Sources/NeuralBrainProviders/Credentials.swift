import Foundation
import NeuralBrainCore

/// A provider's API key, resolved from the environment or a credentials file, that never prints:
/// its description is redacted so it cannot leak into logs, errors or the audit trail.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The secret itself; only the HTTP clients read it.
  let secret: String

  init(secret: String) { self.secret = secret }

  public var description: String { Redaction.placeholder }
  public var debugDescription: String { Redaction.placeholder }

  /// Resolves variable `name` (e.g. `OPENAI_API_KEY`): first `$NAME`, then the file named by
  /// `$NAME_FILE`, then systemd's `$CREDENTIALS_DIRECTORY/NAME` (or `…/<provider>`). Nil when
  /// none is set; throws when a named file cannot be read or is empty.
  public static func resolve(
    variable name: String, provider: String, environment: [String: String]
  ) throws(CredentialsError) -> Credentials? {
    if let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
      return Credentials(secret: value)
    }
    if let path = environment[name + "_FILE"], !path.isEmpty {
      return try read(path, variable: name + "_FILE")
    }
    if let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
      for file in [name, provider] {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
        if FileManager.default.fileExists(atPath: path) {
          return try read(path, variable: "CREDENTIALS_DIRECTORY")
        }
      }
    }
    return nil
  }

  private static func read(_ path: String, variable: String) throws(CredentialsError) -> Credentials {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, variable: variable)
    }
    let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !value.isEmpty else { throw .empty(path: path, variable: variable) }
    return Credentials(secret: value)
  }
}

/// A credentials file that was named but cannot be used.
public enum CredentialsError: Error, LocalizedError, Hashable, ExitStatusProviding {
  case unreadable(path: String, variable: String)
  case empty(path: String, variable: String)

  public var exitStatus: ExitStatus { .config }

  public var errorDescription: String? {
    switch self {
    case let .unreadable(path, variable):
      "cannot read the key file \(path) named by \(variable); check the path and its permissions."
    case let .empty(path, variable):
      "the key file \(path) named by \(variable) is empty; write the API key into it."
    }
  }
}
