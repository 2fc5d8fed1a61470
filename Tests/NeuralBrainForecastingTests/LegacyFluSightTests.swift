import Foundation
import NeuralBrainCore
import NeuralBrainIngest
import NeuralBrainTestSupport
import Testing

@testable import NeuralBrainForecasting

/// The legacy (pre-hubverse) FluSight repository of shared/data.
enum LegacyFluSight {
  static let root = PackagePaths.sharedData.appendingPathComponent("flusight/Flusight-forecast-data")
  static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.path) }

  /// Scored forecasts of a published model, forecast dates 2022-10-17 … 2023-05-15, without
  /// the US and the Virgin Islands.
  static func scored(_ model: String, truth: [String: [Day: Double]]) throws -> [ScoredForecast] {
    let folder = root.appendingPathComponent("data-forecasts/\(model)")
    let first = Day(iso: "2022-10-17")!
    let last = Day(iso: "2023-05-15")!
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().flatMap { name in
      guard let date = Day(iso: name.prefix(10)), date >= first, date <= last else { return [ScoredForecast]() }
      let path = folder.appendingPathComponent(name).path
      let forecasts = try HubModelOutputReader.parse(
        String(contentsOfFile: path, encoding: .utf8), file: path, target: "wk inc flu hosp")
      return Backtest.score(forecasts.filter { !["US", "78"].contains($0.regionID) }, truth: truth)
    }
  }
}

/// FluSight 2022-23 from the legacy repository: its model-output layout is read like hubverse
/// files and reproduces the published scores (shared/data/README.md).
@Suite("FluSight 2022-23 legacy files", .enabled(if: LegacyFluSight.isAvailable, "shared/data is absent"))
struct LegacyFluSightTests {

  @Test("legacy rows map to hubverse target, horizon and reference date")
  func mapping() throws {
    var text = "forecast_date,target,target_end_date,location,type,quantile,value\n"
    for level in QuantileLevels.hub {
      text += "2022-10-17,2 wk ahead inc flu hosp,2022-10-29,06,quantile,\(level),\(Int(level * 100))\n"
    }
    text += "2022-10-17,2 wk ahead inc flu hosp,2022-10-29,06,point,NA,50\n"
    text += "2022-10-17,1 day ahead inc covid hosp,2022-10-18,06,quantile,0.5,1\n"
    let forecasts = try HubModelOutputReader.parse(text, file: "2022-10-17-Team-model.csv")
    let forecast = try #require(forecasts.first)
    #expect(forecasts.count == 1)
    #expect(forecast.target == "wk inc flu hosp" && forecast.forecast.horizon == 1 && forecast.model == "Team-model")
    #expect(
      forecast.referenceDate == Day(iso: "2022-10-22") && forecast.forecast.targetEndDate == Day(iso: "2022-10-29"))
    #expect(forecast.forecast.quantiles[QuantileLevels.medianIndex] == 50)
  }

  @Test("the official 2022-23 baseline and ensemble files reproduce the published scores")
  func publishedScores() async throws {
    let summaries = try await Offload.run {
      let file = LegacyFluSight.root.appendingPathComponent("data-truth/truth-Incident Hospitalizations-2023-06-23.csv")
      let truth = try HubTargetTable.parse(
        String(contentsOf: file, encoding: .utf8), file: file.path, now: Date(timeIntervalSince1970: 1_796_000_000)
      ).values
      let scored =
        try LegacyFluSight.scored("Flusight-baseline", truth: truth)
        + LegacyFluSight.scored("Flusight-ensemble", truth: truth)
      return Dictionary(
        uniqueKeysWithValues: Backtest.summarize(scored, baseline: "Flusight-baseline").map { ($0.model, $0) })
    }
    let baseline = try #require(summaries["Flusight-baseline"])
    let ensemble = try #require(summaries["Flusight-ensemble"])
    #expect(baseline.count == 6_448 && ensemble.count == 6_448)
    // Mathis et al. 2024: baseline WIS 67.69, coverage 49.5% / 73.5%; ensemble relative WIS 0.764.
    #expect(abs(baseline.meanWIS - 67.69) < 0.005)
    #expect(abs(baseline.coverage50 - 0.495) < 0.0005 && abs(baseline.coverage95 - 0.735) < 0.0005)
    #expect(ensemble.relativeWIS.map { abs($0 - 0.764) < 0.0005 } == true, "\(ensemble.relativeWIS ?? .nan)")
  }
}
