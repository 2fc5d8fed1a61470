import Foundation
import NeuralBrainConfig
import NeuralBrainCore
import NeuralBrainIngest
import Testing

@Suite("Source options and factory")
struct SourceOptionsTests {
  private func options(_ toml: String) throws -> SourceOptions {
    let root = ConfigReader(table: try TOMLDocument.parse(toml, file: "nb.toml"), file: "nb.toml")
    let source = try #require(try root.table("source"))
    return try SourceOptions(reader: source)
  }

  @Test("defaults: report corrections, 30 s, 2 retries, 512 MiB files and 64 MiB HTTP bodies")
  func defaults() {
    let csv = SourceOptions(kind: .csv)
    #expect(csv.corrections == .report)
    #expect(csv.timeoutSeconds == 30)
    #expect(csv.retries == 2)
    #expect(csv.maxBytes == 512 * 1024 * 1024)
    #expect(SourceOptions(kind: .diseasesh).maxBytes == 64 * 1024 * 1024)
  }

  @Test("decodes every key of the [source] table")
  func decodes() throws {
    let decoded = try options(
      """
      [source]
      kind = "diseasesh"
      inputs = ["a.csv"]
      url = "http://127.0.0.1:9"
      cumulative = true
      corrections = "spread"
      metrics = ["cases", "hospitalizations"]
      countries = ["USA", "Korea, South"]
      timeout_seconds = 2.5
      retries = 4
      max_bytes = 1000
      regions = 7
      seed = 99
      """)
    var expected = SourceOptions(kind: .diseasesh)
    expected.inputs = ["a.csv"]
    expected.url = "http://127.0.0.1:9"
    expected.cumulative = true
    expected.corrections = .spread
    expected.metrics = [.cases, .hospitalizations]
    expected.countries = ["USA", "Korea, South"]
    expected.timeoutSeconds = 2.5
    expected.retries = 4
    expected.maxBytes = 1000
    expected.regions = 7
    expected.seed = 99
    #expect(decoded == expected)
  }

  @Test("an empty table means the demo source")
  func emptyTable() throws {
    #expect(try options("[source]\n").kind == .demo)
  }

  @Test(
    "refuses unknown keys, unknown kinds and out-of-range values with a configuration error",
    arguments: [
      "kind = \"excel\"", "colour = \"red\"", "corrections = \"ignore\"", "retries = 11", "timeout_seconds = 0",
      "max_bytes = 0", "metrics = [\"recovered\"]", "seed = -1", "regions = 0", "inputs = \"a.csv\"",
    ])
  func refuses(line: String) {
    #expect(throws: ConfigError.self) { try options("[source]\n" + line + "\n") }
  }

  @Test(
    "the factory refuses options that do not fit the kind (78)",
    arguments: [
      (SourceKind.csv, [String](), nil as String?), (.owid, ["a.csv", "b.csv"], nil), (.hub, [], nil),
      (.jhu, ["a.csv", "b.csv", "c.csv"], nil), (.jhu, ["x_recovered_global.csv"], nil),
      (.jhu, ["confirmed.csv", "cases.csv"], nil), (.diseasesh, [], "ftp://example.org"), (.diseasesh, [], "not a url"),
    ])
  func factoryRefuses(kind: SourceKind, inputs: [String], url: String?) {
    var options = SourceOptions(kind: kind)
    options.inputs = inputs
    options.url = url
    let error = #expect(throws: IngestError.self) {
      try SourceFactory.make(options, environment: Fixture.environment, now: Fixture.now)
    }
    #expect(error?.exitStatus == .config)
  }

  @Test("the demo kind builds the simulator, marked synthetic")
  func demo() async throws {
    var options = SourceOptions(kind: .demo)
    options.regions = 3
    options.seed = 7
    let dataset = try await SourceFactory.make(options, environment: Fixture.environment, now: Fixture.now).load()
    #expect(dataset.regions.count == 3)
    #expect(dataset.provenance.isSynthetic)
  }

  @Test(
    "every error message says where and what to do",
    arguments: [
      IngestError.fileNotFound(path: "x.csv"), .fileTooLarge(path: "x.csv", size: 10, limit: 5),
      .invalidEncoding(InputPosition(file: "x.csv", line: 3, column: 7), detail: "NUL byte"),
      .unreachable(url: "http://h", detail: "refused"), .invalidOption(key: "inputs", detail: "none given"),
    ])
  func messages(error: IngestError) throws {
    let text = try #require(error.errorDescription)
    #expect(text.contains("x.csv") || text.contains("http://h") || text.contains("[source]"))
    #expect(text.hasSuffix("."))
  }
}
