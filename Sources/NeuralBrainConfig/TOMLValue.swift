/// A value in a TOML document.
public enum TOMLValue: Sendable, Hashable {
  case string(String)
  case integer(Int)
  case double(Double)
  case bool(Bool)
  case array([TOMLValue])
  case table(TOMLTable)

  /// The TOML type name, for error messages.
  public var typeName: String {
    switch self {
    case .string: "string"
    case .integer: "integer"
    case .double: "float"
    case .bool: "boolean"
    case .array: "array"
    case .table: "table"
    }
  }
}

/// A TOML table: keys in file order with the line each was defined on.
public struct TOMLTable: Sendable, Hashable {
  /// Dotted path of this table (`providers.openai`); empty for the root.
  public var path: String
  public private(set) var keys: [String] = []
  public private(set) var values: [String: TOMLValue] = [:]
  public private(set) var lines: [String: Int] = [:]

  public init(path: String) { self.path = path }

  public subscript(key: String) -> TOMLValue? { values[key] }

  mutating func set(_ key: String, _ value: TOMLValue, line: Int) {
    if values[key] == nil { keys.append(key) }
    values[key] = value
    lines[key] = line
  }
}
