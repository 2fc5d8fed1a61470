import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// A provider's API key, resolved from the environment or a credentials file, that never prints:
/// its description is redacted so it cannot leak into logs, errors or the audit trail.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The secret itself; only the HTTP clients read it.
  let secret: String

  init(secret: String) { self.secret = secret }

  public var description: String { Redaction.placeholder }
  public var debugDescription: String { Redaction.placeholder }

  /// Resolves variable `name` (e.g. `OPENAI_API_KEY`) from `environment`'s variables: first
  /// `$NAME`, then the file named by `$NAME_FILE`, then systemd's `$CREDENTIALS_DIRECTORY/NAME`
  /// (or `…/<provider>`). Nil when none is set; throws when a named file cannot be read or is empty.
  public static func resolve(
    variable name: String, provider: String, environment: RunEnvironment
  ) throws(CredentialsError) -> Credentials? {
    let variables = environment.variables
    let files = environment.fileSystem
    if let value = variables[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
      return Credentials(secret: value)
    }
    if let path = variables[name + "_FILE"], !path.isEmpty {
      return try read(URL(fileURLWithPath: path), variable: name + "_FILE", files: files)
    }
    if let directory = variables["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
      for file in [name, provider] {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(file)
        if files.exists(url) { return try read(url, variable: "CREDENTIALS_DIRECTORY", files: files) }
      }
    }
    return nil
  }

  private static func read(_ url: URL, variable: String, files: any FileSystem) throws(CredentialsError) -> Credentials
  {
    let path = url.path
    guard let data = try? files.contents(of: url) else { throw .unreadable(path: path, variable: variable) }
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
