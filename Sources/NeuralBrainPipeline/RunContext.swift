import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainNormalize
import NeuralBrainPublish
import NeuralBrainRender
import NeuralBrainStore

/// The one value a run's steps read and extend, in order.
public struct RunContext: Sendable {
  public let options: RunOptions
  public let runID: String
  public let database: NeuralBrainDatabase
  /// The run's side effects: clock, HTTP, files, child processes, randomness.
  public let environment: RunEnvironment
  public var dataset: Dataset?
  /// The store step's write of the observations (its summary says whether any changed),
  /// running while the forecast is made.
  var storedIngest: PendingWrite<IngestSummary>?
  /// The database writes no step waits for, finished before the release switches.
  let writes = DeferredWrites()
  /// The winning provider's output, validated against the dataset and targets.
  public var validated: ValidatedOutput?
  public var fallbackUsed = false
  public var forecasts: [ForecastData] = []
  public var run: RunInfo?
  /// Everything the pages show, gathered by the evaluate step.
  public var content: SiteContent?
  /// The release the render step wrote into its staging folder, which the publish step completes.
  public var staging: ReleaseStaging?
  /// What each region page was made from (`RenderedRelease.pageKeys`), saved with the run.
  public var pageKeys: [String: String] = [:]
  /// The summary e-mail (RFC 5322 bytes); nil when the templates have no e-mail templates.
  public var email: [UInt8]?
  public var releaseDirectory: URL?
  /// One line describing the release, for the Atom feed of later runs.
  public var summary: String?
  public var notes: [String] = []
  /// What the release is made from (`ReleaseInputs`), once the reuse step has computed it.
  public var inputDigest: String?
  /// The earlier run whose release this run published again; the run ends there.
  public var reusedRun: RunRecord?
  /// Problems that did not fail the run (no e-mail templates, say); logged when it ends.
  public var warnings: [String] = []

  public init(options: RunOptions, runID: String, database: NeuralBrainDatabase, environment: RunEnvironment) {
    self.options = options
    self.runID = runID
    self.database = database
    self.environment = environment
  }

  /// The winning provider's raw output.
  public var output: ProviderOutput? { validated?.output }

  /// The data set, or a clear error when a step runs before ingest.
  /// The publisher of this run's output directory, with its settings.
  var publisher: ReleasePublisher {
    ReleasePublisher(
      outputDirectory: options.outputDirectory, keepReleases: options.keepReleases, precompress: options.precompress,
      fileSystem: environment.fileSystem)
  }

  func requireDataset() throws -> Dataset {
    guard let dataset else { throw PipelineError(step: "order", underlying: StepOrderError.missing("dataset")) }
    return dataset
  }
}

/// A step ran before the step that produces what it needs (a programming error).
enum StepOrderError: Error, LocalizedError {
  case missing(String)

  var errorDescription: String? {
    switch self {
    case .missing(let what): "internal error: \(what) is not available yet; steps ran out of order"
    }
  }
}
