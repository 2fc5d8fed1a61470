import Foundation
import NeuralBrainConfig
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainIngest
import NeuralBrainProviders

/// The optional TOML configuration file, decoded section by section.
///
/// `[run]` is read here, `[source]` by Ingest and `[providers]` by Providers; any key nobody
/// reads is an error naming it. Without a file everything takes its default.
public struct ConfigurationFile: Sendable {
  public var path: String
  public var outputDirectory: String?
  public var stateDirectory: String?
  public var templatesDirectory: String?
  public var seed: UInt64?
  public var steps: Int?
  public var keepReleases: Int?
  public var precompress: Bool?
  public var baseURL: String?
  public var staleAfterDays: Int?
  public var source: SourceOptions?
  public var providers: ProvidersConfiguration
  public var email = EmailSettings()

  /// The file operators get when they pass nothing: `./neuralbrain.toml` if it exists.
  public static let defaultPath = "neuralbrain.toml"

  /// No file: every default.
  public init() {
    path = "(defaults)"
    providers = .default
  }

  /// Loads `path`, or `./neuralbrain.toml` (in `environment`'s working directory) when `path`
  /// is nil and that file exists.
  public static func load(_ path: String?, environment: RunEnvironment) throws(ConfigError) -> ConfigurationFile {
    let chosen = path ?? defaultPath
    let url =
      chosen.hasPrefix("/") ? URL(fileURLWithPath: chosen) : environment.workingDirectory.appendingPathComponent(chosen)
    guard path != nil || environment.fileSystem.exists(url) else { return ConfigurationFile() }
    let data: Data
    do {
      data = try environment.fileSystem.contents(of: url)
    } catch {
      throw .unreadable(file: chosen, reason: error.reason)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(file: chosen, reason: "not UTF-8 text")
    }
    return try ConfigurationFile(text: text, file: chosen)
  }

  /// Decodes a configuration from TOML text.
  public init(text: String, file: String) throws(ConfigError) {
    let root = ConfigReader(table: try TOMLDocument.parse(text, file: file), file: file)
    path = file
    if let run = try root.table("run") {
      outputDirectory = try run.string("output_dir")
      stateDirectory = try run.string("state_dir")
      templatesDirectory = try run.string("templates_dir")
      if let value = try run.int("seed") {
        guard value >= 0 else { throw run.invalid("seed", "must be zero or positive") }
        seed = UInt64(value)
      }
      steps = try run.int("steps")
      if let steps, !(1...60).contains(steps) { throw run.invalid("steps", "must be between 1 and 60") }
      keepReleases = try run.int("keep_releases")
      if let keepReleases, keepReleases < 1 { throw run.invalid("keep_releases", "must be at least 1") }
      precompress = try run.bool("precompress")
      baseURL = try run.string("base_url")
      staleAfterDays = try run.int("stale_after_days")
      if let staleAfterDays, staleAfterDays < 1 {
        throw run.invalid("stale_after_days", "must be at least 1 (days after which data count as stale)")
      }
      try run.finish()
    }
    if let section = try root.table("source") {
      do {
        source = try SourceOptions(reader: section)
      } catch let error as ConfigError {
        throw error
      } catch {
        throw section.invalid("source", String(describing: error))
      }
    }
    if let section = try root.table("email") { email = try EmailSettings(reader: section) }
    if let section = try root.table("providers") {
      providers = try ProvidersConfiguration(reader: section)
    } else {
      providers = .default
    }
    try root.finish()
  }
}
