import NeuralBrainConfig
import NeuralBrainCore

/// Everything that selects and tunes the data source of a run, decoded from the `[source]`
/// TOML table or from CLI flags; `SourceFactory` turns it into a `DataSource`.
public struct SourceOptions: Sendable, Hashable {
  /// Default `max_bytes` for files.
  public static let defaultFileMaxBytes = 512 << 20
  /// Default `max_bytes` for one HTTP response.
  public static let defaultHTTPMaxBytes = 64 << 20

  public var kind: SourceKind
  /// Input file paths (`jhu`: the confirmed and the deaths file; `hub`: target data, then an
  /// optional locations file).
  public var inputs: [String]
  /// `diseasesh` base URL; `https://disease.sh` when nil.
  public var url: String?
  /// `csv`: the values are cumulative counts (default false).
  public var cumulative: Bool?
  public var corrections: CorrectionPolicy
  /// Metrics to keep, for any source; all when nil.
  public var metrics: [Metric]?
  /// The reporting frequency the data must have; detected from the dates when nil.
  public var frequency: Frequency?
  /// `demo`: number of regions.
  public var regions: Int?
  /// `demo`: random seed.
  public var seed: UInt64?
  /// `diseasesh`: countries to fetch; a handful of large countries when nil.
  public var countries: [String]?
  /// `hub`: the hub's name for the target the file holds (`wk inc flu hosp` when nil), which
  /// `hub.csv` and the JSON documents keep.
  public var target: String?
  /// Per-request timeout for HTTP sources (default 30).
  public var timeoutSeconds: Double
  /// Retries after a 5xx answer, a timeout or a connection error (default 2).
  public var retries: Int
  /// Largest input file, or HTTP response body, accepted (512 MiB for files, 64 MiB for HTTP).
  public var maxBytes: Int
  /// The keys of this table that the command line set (`kind`, `inputs`, `url`, `regions`): an
  /// error about them names the flag and exits as a usage error, not as a configuration one.
  public var fromCommandLine: Set<String> = []

  /// The flag that sets `key`, when there is one.
  public static func flag(for key: String) -> String? {
    ["kind": "--source", "inputs": "--input", "url": "--url", "regions": "--regions"][key]
  }

  public init(kind: SourceKind) {
    self.kind = kind
    self.inputs = []
    self.corrections = .report
    self.timeoutSeconds = 30
    self.retries = 2
    self.maxBytes = kind == .diseasesh ? Self.defaultHTTPMaxBytes : Self.defaultFileMaxBytes
  }

  /// Decodes the `[source]` table: `kind` (default `demo`), `inputs`, `url`, `cumulative`,
  /// `corrections`, `metrics`, `frequency`, `countries`, `target`, `timeout_seconds`, `retries`, `max_bytes`,
  /// `regions`, `seed`. Unknown keys and out-of-range values throw `ConfigError`.
  public init(reader: ConfigReader) throws {
    let kindText = try reader.string("kind") ?? SourceKind.demo.rawValue
    guard let kind = SourceKind(rawValue: kindText) else {
      throw reader.invalid("kind", "\"\(kindText)\" is not a source kind; use one of \(Self.list(SourceKind.allCases))")
    }
    self.init(kind: kind)
    inputs = try reader.strings("inputs") ?? []
    url = try reader.string("url")
    cumulative = try reader.bool("cumulative")
    if let text = try reader.string("corrections") {
      guard let policy = CorrectionPolicy(rawValue: text) else {
        throw reader.invalid(
          "corrections", "\"\(text)\" is not a correction policy; use one of \(Self.list(CorrectionPolicy.allCases))")
      }
      corrections = policy
    }
    if let names = try reader.strings("metrics") {
      metrics = try names.map { name in
        guard let metric = MetricName.parse(name) else {
          throw reader.invalid("metrics", "\"\(name)\" is not a metric; use cases, deaths or hospital_admissions")
        }
        return metric
      }
    }
    if let text = try reader.string("frequency") {
      guard let declared = Frequency(rawValue: text) else {
        throw reader.invalid("frequency", "\"\(text)\" is not a frequency; use daily or weekly")
      }
      frequency = declared
    }
    countries = try reader.strings("countries")
    if let text = try reader.string("target") {
      guard (1...64).contains(text.count), text.allSatisfy({ $0.isLetter || $0.isNumber || " _-".contains($0) }) else {
        throw reader.invalid("target", "must be 1 to 64 letters, digits, spaces, _ or -, like \"wk inc flu hosp\"")
      }
      target = text
    }
    if let value = try reader.double("timeout_seconds") {
      guard value > 0, value <= 3600 else {
        throw reader.invalid("timeout_seconds", "must be more than 0 and at most 3600")
      }
      timeoutSeconds = value
    }
    if let value = try reader.int("retries") {
      guard (0...10).contains(value) else { throw reader.invalid("retries", "must be between 0 and 10") }
      retries = value
    }
    if let value = try reader.int("max_bytes") {
      guard value > 0 else { throw reader.invalid("max_bytes", "must be a positive number of bytes") }
      maxBytes = value
    }
    if let value = try reader.int("regions") {
      guard value >= 1 else { throw reader.invalid("regions", "must be at least 1") }
      regions = value
    }
    if let value = try reader.int("seed") {
      guard value >= 0 else { throw reader.invalid("seed", "must not be negative") }
      seed = UInt64(value)
    }
    try reader.finish()
  }

  private static func list<T: RawRepresentable>(_ values: [T]) -> String where T.RawValue == String {
    values.map(\.rawValue).joined(separator: ", ")
  }
}
