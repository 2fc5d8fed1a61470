import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainIngest
import NeuralBrainTestSupport

/// Paths of this target's fixtures and of the shared real data, plus a one-call loader.
enum Fixture {
  /// `Tests/NeuralBrainIngestTests`, symlinks resolved so dev packages find the same files.
  static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()

  /// `<package root>/../shared/data`.
  static let sharedData = PackagePaths.sharedData

  static let jhuConfirmed = sharedData.appendingPathComponent(
    "covid19/jhu-csse/time_series_covid19_confirmed_global.csv"
  ).path
  static let jhuDeaths = sharedData.appendingPathComponent("covid19/jhu-csse/time_series_covid19_deaths_global.csv")
    .path
  static let fluSightTarget = sharedData.appendingPathComponent(
    "flusight/FluSight-forecast-hub/target-data/target-hospital-admissions.csv"
  ).path
  static let fluSightLocations = sharedData.appendingPathComponent(
    "flusight/FluSight-forecast-hub/auxiliary-data/locations.csv"
  ).path

  static var hasJHU: Bool {
    FileManager.default.fileExists(atPath: jhuConfirmed) && FileManager.default.fileExists(atPath: jhuDeaths)
  }
  static var hasFluSight: Bool { FileManager.default.fileExists(atPath: fluSightTarget) }

  /// A fixed clock (2026-11-30), so provenance is deterministic; after every date of the shared
  /// real data, which ingest refuses past the run's clock.
  static let now = Date(timeIntervalSince1970: 1_796_000_000)

  /// The environment sources read in: the disk below the temporary directory, the package and
  /// the shared data; a clock that only moves when a test says so.
  static let environment = RunEnvironment.test(directory: FileManager.default.temporaryDirectory)

  static func path(_ name: String) -> String { directory.appendingPathComponent("Fixtures/" + name).path }

  /// Loads `inputs` (fixture names, or absolute paths) with a source of `kind`.
  static func load(
    _ kind: SourceKind, _ inputs: [String], cumulative: Bool? = nil, corrections: CorrectionPolicy = .report
  ) async throws(IngestError) -> Dataset {
    var options = SourceOptions(kind: kind)
    options.inputs = inputs.map { $0.hasPrefix("/") ? $0 : path($0) }
    options.cumulative = cumulative
    options.corrections = corrections
    return try await SourceFactory.make(options, environment: Fixture.environment, now: now).load()
  }
}
