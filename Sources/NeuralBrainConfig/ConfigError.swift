import Foundation
import NeuralBrainCore

/// A configuration file that cannot be used. Exit status 78 (EX_CONFIG).
///
/// `indirect` on purpose: with the cases inline the enum is 88 bytes, and Swift 6.3.1 at -O
/// corrupted the stack when one was thrown through `throws(ConfigError)` initializers into a
/// test's `#expect` closure (strings of the message showed up as return addresses). Boxed
/// cases make it one pointer, which the optimizer handles. ProvidersConfigurationTests.rejects
/// crashed every time without it.
public indirect enum ConfigError: Error, LocalizedError, Equatable, ExitStatusProviding {
  /// The file is not valid TOML (or uses a TOML feature this reader does not support).
  case syntax(file: String, line: Int, message: String)
  /// A key this version does not know: most often a typo.
  case unknownKey(file: String, table: String, key: String, line: Int)
  /// A key holds a value of the wrong type.
  case wrongType(file: String, table: String, key: String, line: Int, expected: String, found: String)
  /// A value is of the right type but not allowed.
  case invalidValue(file: String, table: String, key: String, line: Int, message: String)
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
    case let .wrongType(file, table, key, line, expected, found):
      return
        "\(Self.place(file, line)): `\(key)` in \(Self.describe(table)) must be \(Self.article(expected)) \(expected), "
        + "found \(Self.article(found)) \(found)."
    case let .invalidValue(file, table, key, line, message):
      return "\(Self.place(file, line)): `\(key)` in \(Self.describe(table)): \(message)."
    case let .unreadable(file, reason):
      return "cannot read configuration file \(file): \(reason)."
    }
  }

  static func describe(_ table: String) -> String { table.isEmpty ? "the top level" : "[\(table)]" }

  /// `file:line`, or the file alone when the key has no line (a default, a command-line value).
  static func place(_ file: String, _ line: Int) -> String { line > 0 ? "\(file):\(line)" : file }

  /// "a" or "an" before a type name.
  static func article(_ word: String) -> String {
    guard let first = word.lowercased().first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
  }
}
