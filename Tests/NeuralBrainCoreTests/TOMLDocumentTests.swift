import NeuralBrainConfig
import NeuralBrainCore
import Testing

@Suite("TOML configuration")
struct TOMLDocumentTests {
  static let sample = """
    # NeuralBrain configuration
    [source]
    kind = "hub"
    inputs = [
      "a.csv",  # first
      'b.csv',
    ]
    [providers]
    order = ["openai", "local"]
    failover_threshold = 3
    [providers.openai]
    base_url = "http://127.0.0.1:8080/v1"
    timeout_seconds = 2.5
    enabled = true
    """

  @Test("reads tables, strings, arrays, numbers and booleans")
  func parses() throws {
    let root = ConfigReader(table: try TOMLDocument.parse(Self.sample, file: "nb.toml"), file: "nb.toml")
    let source = try #require(try root.table("source"))
    #expect(try source.string("kind") == "hub")
    #expect(try source.strings("inputs") == ["a.csv", "b.csv"])
    let providers = try #require(try root.table("providers"))
    #expect(try providers.strings("order") == ["openai", "local"])
    #expect(try providers.int("failover_threshold") == 3)
    let subtables = providers.subtables()
    #expect(subtables.map(\.0) == ["openai"])
    let openai = subtables[0].1
    #expect(try openai.double("timeout_seconds") == 2.5)
    #expect(try openai.bool("enabled") == true)
    #expect(try openai.string("base_url") == "http://127.0.0.1:8080/v1")
    try openai.finish()
    try providers.finish()
    try source.finish()
    try root.finish()
  }

  @Test("an unknown key is an error naming the key, table and line")
  func unknownKey() throws {
    let root = ConfigReader(
      table: try TOMLDocument.parse("[source]\nkind = \"csv\"\nkinnd = 1\n", file: "c.toml"), file: "c.toml")
    let source = try #require(try root.table("source"))
    _ = try source.string("kind")
    #expect(throws: ConfigError.unknownKey(file: "c.toml", table: "source", key: "kinnd", line: 3)) {
      try source.finish()
    }
  }

  @Test("a wrong type names the line, the expected and the found types")
  func wrongType() throws {
    let root = ConfigReader(
      table: try TOMLDocument.parse("seed = 1\nregions = \"many\"\n", file: "c.toml"), file: "c.toml")
    let expected = ConfigError.wrongType(
      file: "c.toml", table: "", key: "regions", line: 2, expected: "integer", found: "string")
    #expect(throws: expected) { _ = try root.int("regions") }
    #expect(expected.errorDescription == "c.toml:2: `regions` in the top level must be an integer, found a string.")
  }

  @Test("an invalid value names the line")
  func invalidValue() throws {
    let root = ConfigReader(table: try TOMLDocument.parse("\n\nregions = -1\n", file: "c.toml"), file: "c.toml")
    #expect(
      root.invalid("regions", "must be at least 1").errorDescription
        == "c.toml:3: `regions` in the top level: must be at least 1.")
  }

  @Test(
    "syntax errors name the line",
    arguments: [
      ("a = \n", 1), ("[t]\nx = {a = 1}\n", 2), ("x = 1\nx = 2\n", 2), ("x = \"open\n", 1),
      ("[[t]]\n", 1), ("a.b = 1\n", 1), ("[t]\n[t]\n", 2), ("x = 1 2\n", 1), ("x = bare\n", 1),
    ])
  func syntax(text: String, line: Int) {
    do {
      _ = try TOMLDocument.parse(text, file: "s.toml")
      Issue.record("expected a syntax error for \(text)")
    } catch {
      guard case .syntax(_, let reported, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(reported == line)
    }
  }
}
