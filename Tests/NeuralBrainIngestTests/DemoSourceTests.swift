import Foundation
import NeuralBrainConfig
import NeuralBrainCore
import NeuralBrainIngest
import Testing

@Suite("demo outbreak simulator")
struct DemoSourceTests {
  static let now = Date(timeIntervalSince1970: 1_796_000_000)

  @Test("the same seed and clock give the same data; another seed gives other data")
  func deterministic() {
    let a = DemoSource(regions: 5, seed: 1, now: Self.now).dataset()
    let b = DemoSource(regions: 5, seed: 1, now: Self.now).dataset()
    let c = DemoSource(regions: 5, seed: 2, now: Self.now).dataset()
    #expect(a == b)
    #expect(a.series != c.series)
  }

  @Test("the next day's run sees the same regions and the same history")
  func stableAcrossDays() {
    let today = DemoSource(regions: 8, seed: 3, now: Self.now).dataset()
    let tomorrow = DemoSource(regions: 8, seed: 3, now: Self.now.addingTimeInterval(86_400)).dataset()
    #expect(today.regions == tomorrow.regions)
    for (old, new) in zip(today.series, tomorrow.series) {
      // Tomorrow's window starts one day later; compare the overlap away from the missing dates.
      let overlap = Array(old.values.dropFirst(1).prefix(100))
      let shifted = Array(new.values.prefix(100))
      #expect(overlap == shifted, "\(old.region.name) \(old.metric) changed its history")
    }
  }

  @Test("labelled synthetic, daily cases and deaths, one missing date and a few zeros")
  func shape() {
    let data = DemoSource(regions: 20, seed: 42, now: Self.now).dataset()
    #expect(data.provenance.isSynthetic)
    #expect(data.frequency == .daily)
    #expect(data.regions.count == 20)
    #expect(data.series.count == 40)
    #expect(Set(data.series.map(\.metric)) == [.cases, .deaths])
    #expect(Set(data.regions.map(\.id)).count == 20)
    #expect(data.regions.allSatisfy { Slug.isValid($0.id) && ($0.population ?? 0) > 0 })
    let missing = Set(data.series.flatMap { series in series.values.indices.filter { series.values[$0] == nil } })
    #expect(missing.count == 1)
    let zeros = data.series.reduce(0) { $0 + $1.values.filter { $0 == 0 }.count }
    #expect(zeros > 0)
    #expect(data.series.allSatisfy { $0.values.allSatisfy { ($0 ?? 0) >= 0 && ($0 ?? 0) == ($0 ?? 0).rounded() } })
  }

  @Test("simulates 10,000 regions")
  func large() {
    let data = DemoSource(regions: 10_000, seed: 42, days: 60, now: Self.now).dataset()
    #expect(data.regions.count == 10_000)
    #expect(Set(data.regions.map(\.id)).count == 10_000)
  }
}

@Suite("source factory")
struct SourceFactoryTests {
  @Test("the metrics option keeps only the named metrics, for any source")
  func metrics() async throws {
    var options = SourceOptions(kind: .demo)
    options.regions = 3
    options.metrics = [.deaths]
    let source = try SourceFactory.make(options, environment: Fixture.environment, now: DemoSourceTests.now)
    let dataset = try await source.load()
    #expect(Set(dataset.series.map(\.metric)) == [.deaths])
    #expect(dataset.regions.count == 3)
  }

  @Test("asking for a metric the source lacks is a configuration error naming the key")
  func missingMetric() async throws {
    var options = SourceOptions(kind: .demo)
    options.metrics = [.hospitalizations]
    let source = try SourceFactory.make(options, environment: Fixture.environment, now: DemoSourceTests.now)
    await #expect(throws: IngestError.self) { try await source.load() }
    do {
      _ = try await source.load()
    } catch {
      #expect(error.exitStatus == .config)
      #expect(error.errorDescription?.contains("metrics") == true)
    }
  }
}

@Suite("declared frequency")
struct DeclaredFrequencyTests {
  @Test("a declared frequency that matches the data passes; one that does not is a configuration error")
  func frequency() async throws {
    var options = SourceOptions(kind: .demo)
    options.regions = 2
    options.frequency = .daily
    let matching = try await SourceFactory.make(options, environment: Fixture.environment, now: DemoSourceTests.now)
      .load()
    #expect(matching.frequency == .daily)
    options.frequency = .weekly
    let mismatched = try SourceFactory.make(options, environment: Fixture.environment, now: DemoSourceTests.now)
    do {
      _ = try await mismatched.load()
      Issue.record("a weekly declaration of daily data must fail")
    } catch {
      #expect(error.exitStatus == .config)
      #expect(error.errorDescription?.contains("frequency") == true)
    }
  }

  @Test("the frequency key is read from [source] and checked")
  func decoding() throws {
    let table = try TOMLDocument.parse("kind = \"csv\"\nfrequency = \"weekly\"\n", file: "s.toml")
    #expect(try SourceOptions(reader: ConfigReader(table: table, file: "s.toml")).frequency == .weekly)
    let bad = try TOMLDocument.parse("frequency = \"hourly\"\n", file: "s.toml")
    #expect(throws: ConfigError.self) { try SourceOptions(reader: ConfigReader(table: bad, file: "s.toml")) }
  }
}
