/// Reads typed values from one TOML table and reports keys nobody asked for.
///
/// Each stage decodes its own section through a reader; `finish()` then turns every key that
/// was not read into `ConfigError.unknownKey`, so a typo never silently falls back to a default.
public final class ConfigReader {
  public let table: TOMLTable
  public let file: String
  private var used: Set<String> = []

  public init(table: TOMLTable, file: String) {
    self.table = table
    self.file = file
  }

  /// An empty reader, for running on defaults with no file.
  public static func empty(file: String = "(defaults)") -> ConfigReader {
    ConfigReader(table: TOMLTable(path: ""), file: file)
  }

  /// Dotted path of the table, for messages.
  public var path: String { table.path }

  public func has(_ key: String) -> Bool { table[key] != nil }

  public func string(_ key: String) throws(ConfigError) -> String? {
    guard let value = take(key) else { return nil }
    guard case .string(let text) = value else { throw wrongType(key, "string", value) }
    return text
  }

  public func int(_ key: String) throws(ConfigError) -> Int? {
    guard let value = take(key) else { return nil }
    guard case .integer(let number) = value else { throw wrongType(key, "integer", value) }
    return number
  }

  /// A float; integers are accepted too.
  public func double(_ key: String) throws(ConfigError) -> Double? {
    guard let value = take(key) else { return nil }
    switch value {
    case .double(let number): return number
    case .integer(let number): return Double(number)
    default: throw wrongType(key, "number", value)
    }
  }

  public func bool(_ key: String) throws(ConfigError) -> Bool? {
    guard let value = take(key) else { return nil }
    guard case .bool(let flag) = value else { throw wrongType(key, "boolean", value) }
    return flag
  }

  /// An array of strings.
  public func strings(_ key: String) throws(ConfigError) -> [String]? {
    guard let value = take(key) else { return nil }
    guard case .array(let items) = value else { throw wrongType(key, "array of strings", value) }
    var out: [String] = []
    for item in items {
      guard case .string(let text) = item else { throw wrongType(key, "array of strings", item) }
      out.append(text)
    }
    return out
  }

  /// A sub-table, marked as used.
  public func table(_ key: String) throws(ConfigError) -> ConfigReader? {
    guard let value = take(key) else { return nil }
    guard case .table(let child) = value else { throw wrongType(key, "table", value) }
    return ConfigReader(table: child, file: file)
  }

  /// Every remaining sub-table, in file order, each marked as used.
  public func subtables() -> [(String, ConfigReader)] {
    table.keys.compactMap { key in
      guard !used.contains(key), case .table(let child) = table[key] else { return nil }
      used.insert(key)
      return (key, ConfigReader(table: child, file: file))
    }
  }

  /// Throws for the first key that was never read.
  public func finish() throws(ConfigError) {
    for key in table.keys where !used.contains(key) {
      throw .unknownKey(file: file, table: table.path, key: key, line: table.lines[key] ?? 0)
    }
  }

  /// A `ConfigError.invalidValue` for `key` in this table.
  public func invalid(_ key: String, _ message: String) -> ConfigError {
    .invalidValue(file: file, table: table.path, key: key, line: table.lines[key] ?? 0, message: message)
  }

  private func take(_ key: String) -> TOMLValue? {
    used.insert(key)
    return table[key]
  }

  private func wrongType(_ key: String, _ expected: String, _ value: TOMLValue) -> ConfigError {
    .wrongType(
      file: file, table: table.path, key: key, line: table.lines[key] ?? 0, expected: expected, found: value.typeName)
  }
}
