import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainProviders
import NeuralBrainPublish
import NeuralBrainStore

extension PipelineStep {
  /// Ends the run early when nothing its release is made from changed (`ReleaseInputs`) since
  /// the run whose release is live, and that run's forecasts came from the deterministic `local`
  /// provider as first choice: the live release is published again as this run's, every file a
  /// hard link, and `current` switches to it. Otherwise records the digest and the run goes on.
  /// The ingest step has taken the digest already when the source offers an input fingerprint;
  /// otherwise it is taken here from the parsed data set.
  ///
  /// A hosted provider's answer can differ from one call to the next, so a run that would ask
  /// one always forecasts; so does a run whose previous release is gone or not live.
  public static func reuseUnchangedRelease() -> PipelineStep {
    PipelineStep(name: "reuse") { current in
      var context = current
      let digest = try context.inputDigest ?? context.releaseInputsDigest(.parsed(try context.requireDataset()))
      context.inputDigest = digest
      guard let previous = try context.unchangedLiveRun(digest: digest) else { return context }
      let publisher = context.publisher
      context.reusedRun = previous
      context.releaseDirectory = publisher.releaseDirectory(runID: context.runID)
      try context.saveRecordBeforeSwitch()
      context.releaseDirectory = try publisher.republish(previous.id, as: context.runID)
      return context
    }
  }
}

extension RunContext {
  /// The digest of everything this run's release is made from (`ReleaseInputs`), with the data
  /// entering as `data`.
  func releaseInputsDigest(_ data: ReleaseInputs.Data) throws -> String {
    let templates = try TemplateLocator(fileSystem: environment.fileSystem).templates(in: options.templatesDirectory)
    let slots = ProviderFactory.make(configuration: options.providers, environment: environment)
    let lock = try database.loadLock()?.state
    // The provider the chain would ask first: the lock holder (the head of the order before
    // any lock exists) or the next one after it that has its key.
    let start = lock.flatMap { lock in slots.firstIndex { $0.name == lock.provider } } ?? 0
    let first = slots[start...].first { $0.provider != nil }?.name
    let streaks = (lock?.healthyStreaks ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return ReleaseInputs(
      data: data, options: options, templates: templates, providers: slots.map { ($0.name, $0.provider != nil) },
      firstProvider: ([first ?? "none"] + streaks).joined(separator: ","), build: environment.build
    ).digest
  }

  /// The run whose live release this run would publish again: the last successful run, when its
  /// inputs had `digest`, its forecasts came from `local` as first choice and its release is live.
  func unchangedLiveRun(digest: String) throws -> RunRecord? {
    let publisher = ReleasePublisher(outputDirectory: options.outputDirectory, fileSystem: environment.fileSystem)
    guard let previous = try database.lastSuccessfulRun(), previous.inputDigest == digest,
      previous.provider == LocalProvider.providerName, !previous.fallbackUsed,
      publisher.liveRunID() == previous.id
    else { return nil }
    return previous
  }
}
