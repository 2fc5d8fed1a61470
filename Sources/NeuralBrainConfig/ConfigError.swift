import Foundation
import NeuralBrainCore

/// A configuration file that cannot be used. Exit status 78 (EX_CONFIG).
public enum ConfigError: Error, LocalizedError, Equatable, ExitStatusProviding {
  /// The file is not valid TOML (or uses a TOML feature this reader does not support).
  case syntax(file: String, line: Int, message: String)
  /// A key this version does not know: most often a typo.
  case unknownKey(file: String, table: String, key: String, line: Int)
  /// A key holds a value of the wrong type.
  case wrongType(file: String, table: String, key: String, expected: String, found: String)
  /// A value is of the right type but not allowed.
  case invalidValue(file: String, table: String, key: String, message: String)
  /// The file named by `--config` cannot be read.
  case unreadable(file: String, reason: String)

  public var exitStatus: ExitStatus { .config }

  public var errorDescription: String? {
    switch self {
    case let .syntax(file, line, message):
      return "\(file):\(line): \(message). Fix the TOML syntax on that line."
    case let .unknownKey(file, table, key, line):
      return "\(file):\(line): unknown key `\(key)` in \(Self.describe(table)). "
        + "Check the spelling against docs/configuration.md."
    case let .wrongType(file, table, key, expected, found):
      return "\(file): `\(key)` in \(Self.describe(table)) must be a \(expected), found a \(found)."
    case let .invalidValue(file, table, key, message):
      return "\(file): `\(key)` in \(Self.describe(table)): \(message)."
    case let .unreadable(file, reason):
      return "cannot read configuration file \(file): \(reason)."
    }
  }

  static func describe(_ table: String) -> String { table.isEmpty ? "the top level" : "[\(table)]" }
}
