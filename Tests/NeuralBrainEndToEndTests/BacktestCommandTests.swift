import Foundation
import NeuralBrainTestSupport
import Testing

/// `neuralbrain backtest` as a user runs it on the FluSight 2023-24 files (issue 4's "done
/// when"): the official files score as published and `local` reaches the skill targets.
@Suite(
  "neuralbrain backtest on FluSight 2023-24",
  .enabled(
    if: FileManager.default.fileExists(atPath: PackagePaths.sharedData.appendingPathComponent("flusight").path),
    "shared/data is absent"))
struct BacktestCommandTests {
  static let hub = PackagePaths.sharedData.appendingPathComponent("flusight/FluSight-forecast-hub").path

  /// `backtest --json` with the README's evaluation set; the summaries by model.
  static func run(_ extra: [String], state: TemporaryDirectory) async throws -> (
    scale: String, models: [String: [String: Any]]
  ) {
    let archive = hub + "/auxiliary-data/target-data-archive"
    let result = try await NeuralBrainExecutable.run(
      [
        "backtest", "--json", "--state-dir", state.url.path, "--source", "hub",
        "--input", archive + "/target-hospital-admissions_2024-04-27.csv", "--archive", archive,
        "--from", "2023-10-14", "--to", "2024-05-04", "--max-target-date", "2024-05-01",
        "--exclude", "US", "--exclude", "25@2023-12-09",
        "--compare", hub + "/model-output/FluSight-baseline", "--compare", hub + "/model-output/FluSight-ensemble",
      ]
        + extra)
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let models = try #require(report["models"] as? [[String: Any]])
    return (
      report["scale"] as? String ?? "",
      Dictionary(uniqueKeysWithValues: models.compactMap { model in (model["model"] as? String).map { ($0, model) } })
    )
  }

  /// One test runs both scales one after the other: each run keeps a core busy for half a
  /// minute in a debug build, and two at once would starve every other test.
  @Test("local beats the baseline by 20% with coverage in range; both scales reproduce the published scores")
  func naturalAndLog() async throws {
    let state = try TemporaryDirectory()
    let (scale, models) = try await Self.run([], state: state)
    #expect(scale == "natural")
    let baseline = try #require(models["FluSight-baseline"])
    let ensemble = try #require(models["FluSight-ensemble"])
    let local = try #require(models["local-ensemble-v3"])
    #expect(abs((baseline["mean_wis"] as? Double ?? 0) - 48.44) < 0.005)
    #expect(abs((ensemble["relative_wis"] as? Double ?? 0) - 0.732) < 0.0005)
    #expect(local["count"] as? Int == 5_716)
    let relative = try #require(local["relative_wis"] as? Double)
    #expect(relative <= 0.80, "local relative WIS \(relative)")
    #expect((0.45...0.55).contains(local["coverage50"] as? Double ?? 0))
    #expect((0.90...0.96).contains(local["coverage95"] as? Double ?? 0))
    #expect(FileManager.default.fileExists(atPath: state.url.appendingPathComponent("neuralbrain.sqlite").path))

    // --scale log: the CDC's log-scale relative WIS of the ensemble (0.71).
    let (logScale, logModels) = try await Self.run(["--scale", "log"], state: try TemporaryDirectory())
    #expect(logScale == "log")
    #expect(abs((logModels["FluSight-ensemble"]?["relative_wis"] as? Double ?? 0) - 0.710) < 0.0005)
    let localLog = try #require(logModels["local-ensemble-v3"]?["relative_wis"] as? Double)
    #expect(localLog < 0.9, "local log-scale relative WIS \(localLog)")
  }
}

/// `neuralbrain backtest` on JHU daily cases (issue 11): 30 countries, origins every 28 days
/// from 2021-02-01 to 2022-10-31, horizons 1–28 days, against the daily flat baseline.
@Suite(
  "neuralbrain backtest on JHU daily cases",
  .enabled(if: SharedData.isAvailable, "../shared/data is absent: skipping the JHU backtest"))
struct DailyBacktestCommandTests {
  @Test("no forecast explodes, coverage is in range and local beats the daily flat baseline by 25%")
  func jhuCases() async throws {
    let state = try TemporaryDirectory()
    let result = try await NeuralBrainExecutable.run(
      [
        "backtest", "--json", "--state-dir", state.url.path, "--source", "jhu",
        "--input", SharedData.jhuConfirmed.path, "--input", SharedData.jhuLookup.path,
        "--from", "2021-02-01", "--to", "2022-10-31", "--every", "28", "--top", "30",
      ])
    try #require(result.status == 0, "stderr: \(result.standardError)")
    let reports = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
    let cases = try #require(reports.first)
    #expect(cases["metric"] as? String == "cases")
    #expect(cases["regions"] as? Int == 30)
    let perDay = try #require(cases["per_day"] as? [[String: Any]])
    let local = try #require(perDay.first { ($0["model"] as? String)?.hasPrefix("local") == true })
    #expect(local["count"] as? Int == 23 * 30 * 28)
    let relative = try #require(local["relative_wis"] as? Double)
    #expect(relative <= 0.75, "relative WIS per day \(relative)")
    #expect((0.90...0.97).contains(local["coverage95"] as? Double ?? 0))
    #expect((0.40...0.60).contains(local["coverage50"] as? Double ?? 0))
    let explosions = try #require(cases["explosions"] as? [[String: Any]])
    #expect(explosions.allSatisfy { $0["forecasts"] as? Int == 0 })
    let targets = try #require(cases["targets"] as? [[String: Any]])
    #expect(targets.count == 4)
  }
}
