import NeuralBrainCore
import NeuralBrainIngest
import Testing

@Suite("File sources on small fixtures")
struct FileSourceTests {
  private let jan = { (day: Int) in Day(year: 2024, month: 1, day: day)! }

  @Test("csv: daily incident rows become series with gaps, populations and provenance")
  func csvDaily() async throws {
    let dataset = try await Fixture.load(.csv, ["csv-daily.csv"])
    #expect(dataset.frequency == .daily)
    #expect(dataset.regions.map(\.id) == ["alpha", "beta-north"])
    #expect(dataset.regions.map(\.name) == ["Alpha", "Beta, North"])
    #expect(dataset.regions.map(\.population) == [1000, nil])
    let cases = try #require(dataset.series(region: "alpha", metric: .cases))
    #expect(cases.start == jan(1))
    #expect(cases.values == [10, 12, nil, nil, 7])
    #expect(dataset.series(region: "alpha", metric: .deaths)?.values == [1, nil, nil, nil, 0])
    let hospital = try #require(dataset.series(region: "beta-north", metric: .hospitalizations))
    #expect(hospital.start == jan(3))
    #expect(hospital.values == [3, nil, nil])
    let provenance = dataset.provenance
    #expect(provenance.source == "csv")
    #expect(provenance.sourceURL == "csv-daily.csv")
    #expect(provenance.retrievedAt == Fixture.now)
    #expect(provenance.dataAsOf == jan(5))
    #expect(provenance.contentSHA256 == "cb4ac6e65d763eedd94c176c8f2b8c0ac6859db76e4f69c3466ad9d2fb8bdb2d")
    #expect(provenance.isSynthetic == false)
  }

  @Test("csv: weekly cumulative rows (CRLF) become weekly incidence; the drop and the gap are noted")
  func csvWeeklyCumulative() async throws {
    let dataset = try await Fixture.load(.csv, ["csv-weekly-cumulative.csv"], cumulative: true)
    #expect(dataset.frequency == .weekly)
    let series = try #require(dataset.series(region: "north", metric: .cases))
    #expect(series.start == jan(13))
    #expect(series.values == [30, 0, 45, nil, 30])
    #expect(dataset.notes.map(\.date) == [jan(20), Day(year: 2024, month: 2, day: 10)!])
    let spread = try await Fixture.load(.csv, ["csv-weekly-cumulative.csv"], cumulative: true, corrections: .spread)
    #expect(spread.series.first?.values == [25, 0, 45, nil, 30])
  }

  @Test("hub: row-number column, NA values, weekly grid, population from weekly_rate")
  func hub() async throws {
    let dataset = try await Fixture.load(.hub, ["hub-target.csv"])
    #expect(dataset.frequency == .weekly)
    #expect(dataset.regions.map(\.id) == ["01", "us"])
    #expect(dataset.regions.map(\.code) == ["01", "US"])
    #expect(dataset.regions.map(\.name) == ["Alabama", "US"])
    #expect(dataset.regions.map(\.population) == [5_000_000, 333_333_333])
    #expect(dataset.series(region: "01", metric: .hospitalizations)?.values == [20, nil, 10])
    #expect(dataset.series(region: "us", metric: .hospitalizations)?.values == [3000, 2500, 2000])
    #expect(dataset.provenance.dataAsOf == Day(year: 2024, month: 4, day: 27))
    #expect(dataset.provenance.contentSHA256 == "87e5544af5f0bc3f49b423fd370a62f89cc0fd6c666840d3843dbb9b6b0f7f36")
  }

  @Test("hub: a locations file as second input supplies populations and joins the hash")
  func hubLocations() async throws {
    let dataset = try await Fixture.load(.hub, ["hub-target.csv", "hub-locations.csv"])
    #expect(dataset.regions.map(\.population) == [5_157_699, 340_110_988])
    #expect(dataset.provenance.contentSHA256 == "a4971c3e06ab7679181c98cd17c48fe7088d368d6f61195d375f5d09d1c69f44")
    #expect(dataset.provenance.sourceURL.hasSuffix("hub-locations.csv"))
  }

  @Test("jhu: the UID lookup table as a further input gives countries their populations")
  func jhuPopulations() async throws {
    let dataset = try await Fixture.load(
      .jhu, ["jhu-confirmed.csv", "jhu-deaths.csv", "UID_ISO_FIPS_LookUp_Table.csv"])
    #expect(dataset.regions.map(\.id) == ["canada", "korea-south"])
    #expect(dataset.regions.map(\.population) == [37_855_702, 51_269_183])
    #expect(dataset.provenance.sourceURL == "jhu-confirmed.csv, jhu-deaths.csv, UID_ISO_FIPS_LookUp_Table.csv")
  }

  @Test("jhu: provinces roll up to countries, quoted names survive, cumulative becomes daily")
  func jhu() async throws {
    let dataset = try await Fixture.load(.jhu, ["jhu-confirmed.csv", "jhu-deaths.csv"])
    let start = Day(year: 2023, month: 1, day: 31)!
    #expect(dataset.frequency == .daily)
    #expect(dataset.regions.map(\.id) == ["canada", "korea-south"])
    #expect(dataset.regions.map(\.name) == ["Canada", "Korea, South"])
    #expect(dataset.series(region: "canada", metric: .cases)?.values == [3, 4, 3])
    #expect(dataset.series(region: "canada", metric: .deaths)?.values == [0, 1, 0])
    let korea = try #require(dataset.series(region: "korea-south", metric: .cases))
    #expect(korea.start == start)
    #expect(korea.values == [10, 0, 25])
    #expect(dataset.notes.count == 1)
    #expect(dataset.notes.first?.regionID == "korea-south")
    #expect(dataset.notes.first?.date == start.adding(days: 1))
    #expect(dataset.provenance.contentSHA256 == "4b4a7dc4e16f8bf1e021ece1256099f1791df173a0204672ceb673d6c95a1382")
    #expect(dataset.provenance.license?.contains("Johns Hopkins") == true)
  }

  @Test("owid: aggregates skipped, negative daily counts settled by the policy")
  func owid() async throws {
    let day = { (d: Int) in Day(year: 2021, month: 3, day: d)! }
    let dataset = try await Fixture.load(.owid, ["owid.csv"])
    #expect(dataset.regions.map(\.id) == ["deu", "fra"])
    #expect(dataset.regions.map(\.name) == ["Germany", "France"])
    #expect(dataset.regions.map(\.population) == [83_000_000, 67_000_000])
    #expect(dataset.series(region: "fra", metric: .cases)?.values == [20, 30, 0])
    #expect(dataset.series(region: "fra", metric: .deaths)?.values == [2, nil, 1])
    #expect(dataset.series(region: "deu", metric: .cases)?.values == [15])
    #expect(dataset.notes.map(\.date) == [day(3)])
    let spread = try await Fixture.load(.owid, ["owid.csv"], corrections: .spread)
    #expect(spread.series(region: "fra", metric: .cases)?.values == [16, 24, 0])
  }

  @Test("the same inputs give the same dataset")
  func deterministic() async throws {
    let first = try await Fixture.load(.jhu, ["jhu-confirmed.csv", "jhu-deaths.csv"])
    let second = try await Fixture.load(.jhu, ["jhu-confirmed.csv", "jhu-deaths.csv"])
    #expect(first == second)
  }
}
