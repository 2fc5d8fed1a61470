import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainIngest
import NeuralBrainNormalize
import NeuralBrainPublish
import NeuralBrainRender
import NeuralBrainStore

// MARK: - The stages of a run, in order

extension PipelineStep {
  /// The default run: every stage of a run, in order (docs/architecture.md, "A run").
  public static var standardRun: [PipelineStep] {
    [.ingest(), .reuseUnchangedRelease(), .store(), .forecast(), .normalize(), .evaluate(), .render(), .publish()]
  }

  /// Reads the configured source into a data set. A source that offers an input fingerprint
  /// has it taken first: when the live release was made from the same input and settings, the
  /// reuse step publishes that release again and nothing is parsed.
  public static func ingest() -> PipelineStep {
    PipelineStep(name: "ingest") { current in
      var context = current
      let source = try SourceFactory.make(
        context.options.source, environment: context.environment, now: context.options.now)
      if let fingerprint = try await source.inputFingerprint() {
        let digest = try context.releaseInputsDigest(.fingerprint(fingerprint))
        context.inputDigest = digest
        if try context.unchangedLiveRun(digest: digest) != nil { return context }
      }
      let dataset = try await source.load()
      context.dataset = dataset
      context.notes += dataset.notes.prefix(20).map {
        "\($0.regionID) \($0.metric.rawValue) \($0.date.iso): \($0.message)"
      }
      if dataset.notes.count > 20 { context.notes.append("… and \(dataset.notes.count - 20) more data notes") }
      return context
    }
  }

  /// Stores the observations as a new vintage (a no-op when nothing changed), on the deferred
  /// writes' thread: the forecast does not wait for it, the evaluate step does.
  public static func store() -> PipelineStep {
    PipelineStep(name: "store") { current in
      var context = current
      let dataset = try context.requireDataset()
      let database = context.database
      context.storedIngest = context.writes.start(step: "store") { try database.recordIngest(dataset) }
      return context
    }
  }

  /// Derives the published schema from the provider's validated output.
  public static func normalize() -> PipelineStep {
    PipelineStep(name: "normalize") { current in
      var context = current
      guard let validated = context.validated else { throw StepOrderError.missing("the provider output") }
      let dataset = validated.dataset
      let output = validated.output
      let run = RunInfo(
        runID: context.runID, generatedAt: context.options.now, provider: output.provider,
        model: output.model, method: output.method, fallbackUsed: context.fallbackUsed,
        provenance: dataset.provenance, frequency: dataset.frequency, seed: context.options.seed,
        isStale: Staleness.isStale(
          dataset: dataset, now: context.options.now, afterDays: context.options.staleAfterDays),
        notes: context.notes, tokenUsage: output.usage)
      context.run = run
      let published = Normalizer().derive(validated, run: run)
      context.forecasts = published
      let database = context.database
      let runID = context.runID
      context.writes.start(step: "normalize") {
        try database.saveForecasts(
          runID: runID, provider: output.provider, model: output.model, forecasts: output.forecasts,
          published: published)
      }
      return context
    }
  }

  /// Scores past forecasts against the new data (kept in the store, evaluation `site`) and
  /// gathers everything the pages show into one `SiteContent`: the forecasts, the evaluation
  /// rows, the previous run's risk levels, the feed's history and the forecasts published 1–4
  /// weeks earlier that the region pages look back on.
  public static func evaluate() -> PipelineStep {
    PipelineStep(name: "evaluate") { current in
      var context = current
      let dataset = try context.requireDataset()
      guard let run = context.run else { throw StepOrderError.missing("the run description") }
      // Whether the observations changed: the store step's write has long finished by now.
      let dataChanged = try await context.storedIngest?.value().observationsChanged ?? 1 > 0
      let database = context.database
      let writes = context.writes
      let previous = try context.database.lastSuccessfulRun()
      let asOf = dataset.provenance.dataAsOf
      let stored = try context.database.forecasts(
        endingOnOrBefore: asOf, issuedSince: asOf.adding(days: -SiteEvaluation.windowDays))
      context.content = SiteContent(
        run: run, forecasts: context.forecasts,
        previousRiskLevels: try previous.map { try context.database.riskLevels(runID: $0.renderingRunID) } ?? [:],
        evaluation: try SiteEvaluation.rows(
          stored: stored, database: database, dataset: dataset, dataChanged: dataChanged,
          seed: context.options.seed
        ) { evaluation, scores in
          writes.start(step: "evaluate") { try database.replaceScores(evaluation: evaluation, with: scores) }
        },
        baseURL: context.options.baseURL,
        history: try context.database.runs(limit: 50).compactMap(FeedEntry.init(run:)),
        pastForecasts: LookBack.select(stored, for: context.forecasts))
      return context
    }
  }

  /// Renders every file of the release into its staging folder, a batch of regions at a time
  /// (each file checked, compressed and written as it comes), and the summary e-mail; a region
  /// whose forecast the live release already has keeps the run that issued it. Nothing is
  /// visible until the publish step switches to the release; a failure removes the staging.
  public static func render() -> PipelineStep {
    PipelineStep(name: "render") { current in
      var context = current
      guard let content = context.content else { throw StepOrderError.missing("the site content") }
      context.summary = content.feedEntry.summary
      var renderer = try TemplateLocator(fileSystem: context.environment.fileSystem)
        .renderer(context.options.templatesDirectory)
      renderer.build = context.environment.build
      // The live release's files and page keys, for regions whose forecast it already has.
      let publisher = context.publisher
      let fileSystem = context.environment.fileSystem
      var previous: PreviousRelease?
      if let live = publisher.liveRunID() {
        let directory = publisher.releaseDirectory(runID: live)
        previous = PreviousRelease(
          read: { path in
            (try? fileSystem.contents(of: directory.appendingPathComponent(path.description))).map { Array($0) }
          }, pageKeys: try context.database.pageKeys(runID: try context.database.renderingRun(of: live)))
      }
      let staging = try publisher.stage(
        runID: context.runID, archiveDay: ArchiveLayout.day(of: content.run.generatedAt))
      do {
        context.pageKeys = try renderer.render(content, previous: previous, into: staging)
        do {
          context.email = try renderer.email(content, envelope: context.options.email.envelope)
        } catch RenderError.missingTemplate(let name, let directory) {
          context.warnings.append("no summary e-mail written: \(directory) has no \(name).mustache")
        }
      } catch {
        staging.discard()
        throw error
      }
      context.staging = staging
      return context
    }
  }

  /// Saves the run and its page keys, completes the staged release — the day's archive snapshot
  /// (data files and the input) unless it exists — and switches `current` to it, then files the
  /// summary e-mail in `<output>/email/`.
  public static func publish() -> PipelineStep {
    PipelineStep(name: "publish") { current in
      var context = current
      guard let staging = context.staging else { throw StepOrderError.missing("the rendered release") }
      let publisher = context.publisher
      do {
        let dataset = try context.requireDataset()
        guard let run = context.run else { throw StepOrderError.missing("the run description") }
        try await context.writes.finish()
        let snapshot = ArchiveSnapshot(
          date: ArchiveLayout.day(of: run.generatedAt),
          files: [StreamedFile(path: ObservationsCSV.path) { emit in try ObservationsCSV.write(dataset, to: emit) }])
        context.releaseDirectory = publisher.releaseDirectory(runID: context.runID)
        try context.saveRecordBeforeSwitch()
        try context.database.savePageKeys(
          context.pageKeys, runID: context.runID,
          keeping: try publisher.liveRunID().map { try context.database.renderingRun(of: $0) })
        let outbox = EmailOutbox(
          directory: context.options.outputDirectory.appendingPathComponent("email"),
          fileSystem: context.environment.fileSystem)
        if let email = context.email {
          do {
            try outbox.stage(email, runID: context.runID)
          } catch {
            context.warnings.append("the summary e-mail was not written: \(error.localizedDescription)")
          }
        }
        context.releaseDirectory = try publisher.publish(staging, archive: snapshot)
        do {
          try outbox.commit(runID: context.runID)
        } catch {
          context.warnings.append(
            "the release is live, but its summary e-mail was not filed: \(error.localizedDescription)")
        }
      } catch {
        staging.discard()
        throw error
      }
      context.staging = nil
      return context
    }
  }
}

extension FeedEntry {
  /// A feed entry for a run that published a release.
  init?(run: RunRecord) {
    guard run.status == .succeeded, let summary = run.summary, let provider = run.provider else { return nil }
    self.init(runID: run.id, generatedAt: run.startedAt, provider: provider, summary: summary)
  }
}
