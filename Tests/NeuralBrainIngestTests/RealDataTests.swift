import Foundation
import NeuralBrainCore
import NeuralBrainIngest
import NeuralBrainTestSupport
import Testing

@Suite(
  "FluSight target data (../shared/data)", .enabled(if: Fixture.hasFluSight, "needs ../shared/data/flusight (absent)"))
struct FluSightRealDataTests {
  @Test("53 weekly locations whose latest values match the file")
  func latest() async throws {
    let dataset = try await Fixture.load(.hub, [Fixture.fluSightTarget])
    #expect(dataset.frequency == .weekly)
    #expect(dataset.regions.count == 53)
    #expect(dataset.series.count == 53)
    #expect(dataset.regions.contains { $0.id == "us" && $0.code == "US" })
    #expect(dataset.regions.contains { $0.id == "01" && $0.name == "Alabama" })
    let rows = try NaiveCSV.rows(Fixture.fluSightTarget).dropFirst()
    let lastDate = try #require(rows.map { $0[0] }.max())
    #expect(dataset.provenance.dataAsOf.iso == lastDate)
    var checked = 0
    for row in rows where row[0] == lastDate && ["US", "06", "36", "48", "72"].contains(row[1]) {
      let series = try #require(dataset.series(region: Slug.make(row[1]), metric: .hospitalizations))
      #expect(series.end.iso == lastDate)
      #expect(series.values.last == Double(row[3]), "location \(row[1])")
      checked += 1
    }
    #expect(checked == 5)
  }

  @Test(
    "archived vintages and the legacy truth file load too, one series per location",
    arguments: [
      (
        "FluSight-forecast-hub/auxiliary-data/target-data-archive/target-hospital-admissions_2024-04-27.csv", 53,
        "2024-04-27"
      ),
      (
        "FluSight-forecast-hub/auxiliary-data/target-data-archive/target-hospital-admissions_2023-09-23.csv", 53,
        "2023-09-23"
      ),
      ("Flusight-forecast-data/data-truth/truth-Incident Hospitalizations-2023-06-23.csv", 54, "2023-06-10"),
    ])
  func vintages(file: String, locations: Int, asOf: String) async throws {
    let dataset = try await Fixture.load(.hub, [Fixture.sharedData.appendingPathComponent("flusight/" + file).path])
    #expect(dataset.series.count == locations)
    #expect(dataset.provenance.dataAsOf.iso == asOf)
  }

  @Test("NA values stay missing and every location has no missing week otherwise")
  func missingValues() async throws {
    let dataset = try await Fixture.load(.hub, [Fixture.fluSightTarget])
    let missing = dataset.series.reduce(0) { $0 + $1.values.filter { $0 == nil }.count }
    #expect(missing == 36)
    #expect(Set(dataset.series.filter { $0.values.contains(nil) }.map(\.region.code)) == ["25", "27", "54"])
  }

  @Test("populations from weekly_rate are within 0.1% of the hub's locations file")
  func populations() async throws {
    let fromRate = try await Fixture.load(.hub, [Fixture.fluSightTarget])
    let fromFile = try await Fixture.load(.hub, [Fixture.fluSightTarget, Fixture.fluSightLocations])
    for (estimated, listed) in zip(fromRate.regions, fromFile.regions) {
      let estimate = try #require(estimated.population)
      let population = try #require(listed.population)
      #expect(abs(estimate - population) / population < 0.001, "\(listed.code)")
    }
  }
}

@Suite(
  "JHU CSSE global time series (../shared/data)",
  .enabled(if: Fixture.hasJHU, "needs ../shared/data/covid19/jhu-csse (absent)"))
struct JHURealDataTests {
  @Test("one series per country and metric, daily from 2020-01-23 to 2023-03-09")
  func shape() async throws {
    let dataset = try await Fixture.load(.jhu, [Fixture.jhuConfirmed, Fixture.jhuDeaths])
    #expect(dataset.regions.count == 201)
    #expect(dataset.series.count == 402)
    #expect(dataset.frequency == .daily)
    #expect(dataset.provenance.dataAsOf == Day(year: 2023, month: 3, day: 9))
    #expect(dataset.series.allSatisfy { $0.start == Day(year: 2020, month: 1, day: 23) && $0.values.count == 1_142 })
    #expect(dataset.series.allSatisfy { $0.values.allSatisfy { ($0 ?? -1) >= 0 } })
  }

  @Test("with corrections spread, the first cumulative value plus all incidence equals the last, for every country")
  func totalsPreserved() async throws {
    let dataset = try await Fixture.load(.jhu, [Fixture.jhuConfirmed, Fixture.jhuDeaths], corrections: .spread)
    var cumulative: [String: (first: Double, last: Double)] = [:]
    for (path, metric) in [(Fixture.jhuConfirmed, "cases"), (Fixture.jhuDeaths, "deaths")] {
      for row in try NaiveCSV.rows(path).dropFirst() {
        let key = Slug.make(row[1]) + "/" + metric
        let first = Double(row[4]) ?? .nan
        let last = Double(row[row.count - 1]) ?? .nan
        cumulative[key] = ((cumulative[key]?.first ?? 0) + first, (cumulative[key]?.last ?? 0) + last)
      }
    }
    let unabsorbed = Set(
      dataset.notes.filter { $0.message.contains("could not be absorbed") }.map {
        $0.regionID + "/" + $0.metric.rawValue
      })
    for series in dataset.series where !unabsorbed.contains(series.region.id + "/" + series.metric.rawValue) {
      let totals = try #require(cumulative[series.region.id + "/" + series.metric.rawValue])
      #expect(
        abs(totals.first + series.total - totals.last) <= 1e-6 * max(totals.last, 1),
        "\(series.region.id) \(series.metric)")
    }
    #expect(cumulative["us/cases"]?.last == 103_802_702)
    let us = try #require(dataset.series(region: "us", metric: .cases))
    #expect(abs(us.total + 1 - 103_802_702) < 1e-3)
  }

  @Test("with corrections report, a country without corrections sums exactly; drops are noted, never negative")
  func report() async throws {
    let dataset = try await Fixture.load(.jhu, [Fixture.jhuConfirmed, Fixture.jhuDeaths])
    let deaths = try #require(dataset.series(region: "us", metric: .deaths))
    let corrected = dataset.notes.contains { $0.regionID == "us" && $0.metric == .deaths }
    #expect(corrected || deaths.total == 1_123_836)
    #expect(deaths.total >= 1_123_836)
    #expect(!dataset.notes.isEmpty)
    #expect(dataset.notes.allSatisfy { $0.message.contains("corrections = report") })
  }
}
