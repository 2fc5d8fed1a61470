import Foundation
import Logging
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainIngest
import NeuralBrainProviders
import NeuralBrainPublish
import NeuralBrainStore

/// The configuration, state directory and output directory one invocation works on, with the
/// use cases the commands call (provider lock, audit trail, status, health, e-mail, run options).
///
/// Commands parse their arguments, call one of these and print the result; every side effect
/// on the state database and the output directory happens here.
public struct Workspace: Sendable {
  public var file: ConfigurationFile
  public var stateDirectory: URL
  public var outputDirectory: URL
  /// The side effects of every use case: clock, HTTP, files, child processes.
  public var environment: RunEnvironment

  /// Loads the configuration (`path`, else `./neuralbrain.toml` when present); `stateDirectory`
  /// and `outputDirectory` override the file's, which override `state` and `output`.
  public init(
    configuration path: String?, stateDirectory: String? = nil, outputDirectory: String? = nil,
    environment: RunEnvironment
  ) throws {
    let file = try ConfigurationFile.load(path, environment: environment)
    self.file = file
    self.environment = environment
    self.stateDirectory = URL(
      fileURLWithPath: stateDirectory ?? file.stateDirectory ?? RunOptions.defaultStateDirectory)
    self.outputDirectory = URL(
      fileURLWithPath: outputDirectory ?? file.outputDirectory ?? RunOptions.defaultOutputDirectory)
  }

  /// Runs `body` on the workspace in the live environment (wall clock, network, local disk,
  /// child processes), closing the HTTP client afterwards.
  public static func withLive<T>(
    configuration path: String?, stateDirectory: String? = nil, outputDirectory: String? = nil,
    _ body: (Workspace) async throws -> T
  ) async throws -> T {
    try await RunEnvironment.withLive { environment in
      try await body(
        Workspace(
          configuration: path, stateDirectory: stateDirectory, outputDirectory: outputDirectory,
          environment: environment))
    }
  }

  /// The state database; `readOnly` for use cases that never write (they work on a read-only
  /// mount, and without a state directory they read an empty one instead of creating it).
  func database(readOnly: Bool = false) throws -> NeuralBrainDatabase {
    readOnly
      ? try NeuralBrainDatabase.openForReading(directory: stateDirectory)
      : try NeuralBrainDatabase.open(directory: stateDirectory)
  }

  // MARK: - Provider lock

  /// The locked provider; nil before the first run.
  public func lock() throws -> LockState? { try database(readOnly: true).loadLock()?.state }

  /// Applies a manual change to the provider lock (audited). A manual change wins: a run going
  /// on meanwhile finds its later changes refused, and that refusal is audited too.
  public func changeLock(_ change: LockChange) throws {
    let time = environment.clock.now()
    if case .acquire(let provider, _) = change, !file.providers.order.contains(provider) {
      throw WorkspaceError.unknownProvider(provider, order: file.providers.order)
    }
    let database = try database()
    let policy = FailoverPolicy(configuration: file.providers)
    let current = try database.loadLock()?.state ?? policy.initialLock(at: time)
    let outcome = policy.apply(change.event, to: current, at: time)
    try database.saveLock(outcome.lock, events: outcome.events, keep: file.providers.auditKeep)
  }

  /// The newest `limit` audit events, newest first.
  public func auditEvents(limit: Int) throws -> [AuditEvent] { try database(readOnly: true).auditEvents(limit: limit) }

  // MARK: - Status and health

  /// The live release, the lock, the last runs, the archive and the latest e-mail.
  public func status(followingLastRun: Bool = false) throws -> StatusReport {
    let database = try database(readOnly: true)
    let lastSuccess = try database.lastSuccessfulRun()
    // Without `--output`, the output directory the last successful run published to: a run with
    // `--output site` followed by a plain `status` reports that site, not an empty ./output.
    var output = outputDirectory
    if followingLastRun, let release = lastSuccess?.releasePath {
      output = URL(fileURLWithPath: release).deletingLastPathComponent().deletingLastPathComponent()
    }
    let publisher = ReleasePublisher(outputDirectory: output, fileSystem: environment.fileSystem)
    let outbox = self.outbox
    // A run recorded as running whose process is gone (killed, crashed) is abandoned; the next
    // run records that, and status says so already.
    let alive = RunLock.isHeld(stateDirectory: stateDirectory)
    let live = publisher.liveRunID()
    let runs = try database.runs(limit: 10).map { run in
      var shown = run
      // Killed after its release went live: published, recorded so by the next run.
      if run.status == .running, !alive { shown.status = run.id == live ? .succeeded : .abandoned }
      return shown
    }
    var notes: [String] = []
    if let live,
      !environment.fileSystem.exists(publisher.releaseDirectory(runID: live).appendingPathComponent("sitemap.xml"))
    {
      notes.append("no sitemap.xml: the sitemap protocol needs absolute URLs; set --base-url or [run] base_url")
    }
    return StatusReport(
      outputDirectory: output.path, liveRelease: live, lock: try database.loadLock()?.state,
      lastSuccess: lastSuccess, lastRun: runs.first, recentRuns: runs,
      archiveSnapshots: publisher.archivedDates().reversed().map(\.iso),
      latestEmail: environment.fileSystem.exists(outbox.latest) ? outbox.latest.path : nil, notes: notes)
  }

  /// Probes every configured provider's health endpoint, records the results and applies them
  /// to the lock (`HealthMonitor`).
  public func checkHealth() async throws -> [ProviderHealth] {
    try await HealthMonitor(providers: file.providers, environment: environment, database: try database()).check()
  }

  // MARK: - Summary e-mail

  /// Where the runs file their summary e-mails.
  var outbox: EmailOutbox {
    EmailOutbox(directory: outputDirectory.appendingPathComponent("email"), fileSystem: environment.fileSystem)
  }

  /// The latest run's summary e-mail; fails (69) before the first run.
  public func latestEmail() throws -> URL {
    guard environment.fileSystem.exists(outbox.latest) else {
      throw WorkspaceError.noEmailYet(directory: outbox.directory.path)
    }
    return outbox.latest
  }

  /// Delivers the latest summary e-mail through `program` (default: `[email] sendmail`) and
  /// returns the message and the program used.
  public func sendLatestEmail(program: String?) async throws -> (message: URL, program: String) {
    let message = try latestEmail()
    guard !file.email.to.isEmpty else { throw WorkspaceError.noRecipients(configuration: file.path) }
    let chosen = program ?? file.email.sendmail
    try await SendmailDelivery(program: chosen, environment: environment).deliver(message)
    return (message, chosen)
  }

  // MARK: - Runs

  /// Runs one batch with `overrides` at `now` (the clock's time when nil).
  public func run(
    _ overrides: RunOverrides, now: Date?, logger: Logger, progress: (any PipelineProgress)?
  ) async throws(PipelineError) -> RunSummary {
    var pipeline = RunPipeline(environment: environment, logger: logger)
    pipeline.progress = progress
    return try await pipeline.run(runOptions(overrides, now: now ?? environment.clock.now()))
  }

  /// The options of one run: defaults, then the configuration file, then `overrides`.
  public func runOptions(_ overrides: RunOverrides, now: Date) -> RunOptions {
    var source = file.source ?? SourceOptions(kind: .demo)
    if let kind = overrides.source.flatMap(SourceKind.init(rawValue:)) {
      if kind != source.kind { source = SourceOptions(kind: kind) }
      source.fromCommandLine.insert("kind")
    }
    if !overrides.inputs.isEmpty {
      source.inputs = overrides.inputs
      source.fromCommandLine.insert("inputs")
    }
    if let url = overrides.url {
      source.url = url
      source.fromCommandLine.insert("url")
    }
    if let regions = overrides.regions {
      source.regions = regions
      source.fromCommandLine.insert("regions")
    }
    let seed = overrides.seed ?? file.seed ?? RunOptions.defaultSeed
    if source.seed == nil || overrides.seed != nil { source.seed = seed }
    var options = RunOptions(
      outputDirectory: outputDirectory, stateDirectory: stateDirectory, source: source, seed: seed, now: now,
      steps: overrides.steps ?? file.steps, providers: file.providers, baseURL: overrides.baseURL ?? file.baseURL,
      staleAfterDays: file.staleAfterDays, email: file.email)
    options.templatesDirectory =
      (overrides.templates ?? file.templatesDirectory).map { URL(fileURLWithPath: $0) }
      ?? TemplateLocator(fileSystem: environment.fileSystem).defaultDirectory(
        workingDirectory: environment.workingDirectory)
    if let keep = file.keepReleases { options.keepReleases = keep }
    if let precompress = file.precompress { options.precompress = precompress }
    return options
  }
}
