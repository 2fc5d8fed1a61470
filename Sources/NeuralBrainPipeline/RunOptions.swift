import Foundation
import NeuralBrainCore
import NeuralBrainIngest
import NeuralBrainProviders

/// Everything one run needs to know, resolved from defaults, the config file and flags.
public struct RunOptions: Sendable {
  /// Where runs publish when neither the configuration nor a flag says.
  public static let defaultOutputDirectory = "output"
  /// Where the state database and run lock live when neither the configuration nor a flag says.
  public static let defaultStateDirectory = "state"
  /// The seed of the demo data and the Monte Carlo forecasts when none is given.
  public static let defaultSeed: UInt64 = 42

  public var outputDirectory: URL
  public var stateDirectory: URL
  public var templatesDirectory: URL
  public var source: SourceOptions
  public var seed: UInt64
  /// The run's clock; fixed by `--now` for reproducible output.
  public var now: Date
  /// Steps ahead to forecast; nil = the frequency's default (4 weekly, 28 daily).
  public var steps: Int?
  public var providers: ProvidersConfiguration
  public var keepReleases: Int
  /// Write `.gz` siblings of text files (for `gzip_static`).
  public var precompress: Bool
  /// Public URL of the site, for the sitemap and feed; nil = relative links only.
  public var baseURL: String?
  /// Data older than this many days (after the expected reporting lag) is flagged stale.
  public var staleAfterDays: Int?
  /// How the run's summary e-mail is addressed.
  public var email: EmailSettings

  public init(
    outputDirectory: URL = URL(fileURLWithPath: defaultOutputDirectory),
    stateDirectory: URL = URL(fileURLWithPath: defaultStateDirectory),
    templatesDirectory: URL = TemplateLocator.checkoutTemplates,
    source: SourceOptions = SourceOptions(kind: .demo),
    seed: UInt64 = defaultSeed, now: Date, steps: Int? = nil,
    providers: ProvidersConfiguration = .default,
    keepReleases: Int = 5, precompress: Bool = true, baseURL: String? = nil, staleAfterDays: Int? = nil,
    email: EmailSettings = .init()
  ) {
    self.outputDirectory = outputDirectory
    self.stateDirectory = stateDirectory
    self.templatesDirectory = templatesDirectory
    self.source = source
    self.seed = seed
    self.now = now
    self.steps = steps
    self.providers = providers
    self.keepReleases = keepReleases
    self.precompress = precompress
    self.baseURL = baseURL
    self.staleAfterDays = staleAfterDays
    self.email = email
  }
}
