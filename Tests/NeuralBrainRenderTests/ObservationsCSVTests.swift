import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainRender

@Suite("The archived input")
struct ObservationsCSVTests {
  /// `count` regions of two daily series each, in no particular order, some values missing.
  static func dataset(regions count: Int) -> Dataset {
    let end = Day(year: 2026, month: 11, day: 28)!
    let regions = (0..<count).map { Region(id: "r\(($0 * 7_919) % count)", code: "C\($0)", name: "Region, \($0)") }
    let series = regions.flatMap { region in
      [Metric.deaths, .cases].map { metric in
        let values: [Double?] = (0..<10).map { day in day == 4 ? nil : Double(region.code.count * 10 + day) + 0.25 }
        return IncidentSeries(
          region: region, metric: metric, frequency: .daily, start: end.adding(days: -9), values: values)
      }
    }
    return Dataset(
      provenance: Provenance(
        source: "test", sourceURL: "file.csv", retrievedAt: Date(timeIntervalSince1970: 0), dataAsOf: end,
        contentSHA256: nil),
      frequency: .daily, regions: regions, series: series)
  }

  @Test(
    "the file is the header and every series' rows by region id and metric, however many batches",
    arguments: [0, 1, ObservationsCSV.batchSize / 2, ObservationsCSV.batchSize * 2 + 3])
  func batches(regions: Int) throws {
    let dataset = Self.dataset(regions: regions)
    var pieces: [[UInt8]] = []
    ObservationsCSV.write(dataset) { pieces.append($0) }
    let asOf = ",2026-11-28\n"
    let expected =
      [Array(ObservationsCSV.header.utf8)]
      + dataset.series.sorted { ($0.region.id, $0.metric) < ($1.region.id, $1.metric) }.map {
        ObservationsCSV.rows($0, asOf: asOf)
      }
    #expect(pieces == expected)
    let text = String(decoding: pieces.joined(), as: UTF8.self)
    #expect(text.split(separator: "\n").count == 1 + regions * 2 * 10)
    if regions > 0 {
      #expect(text.contains("\nr0,C0,\"Region, 0\",cases,daily,2026-11-19,20.25,2026-11-28\n"))
      #expect(text.contains("\nr0,C0,\"Region, 0\",cases,daily,2026-11-23,,2026-11-28\n"))
    }
  }

  @Test("a failure to take a piece stops the file there, with the error")
  func failure() {
    struct Full: Error {}
    var taken = 0
    #expect(throws: Full.self) {
      try ObservationsCSV.write(Self.dataset(regions: ObservationsCSV.batchSize * 3)) { _ in
        taken += 1
        if taken == ObservationsCSV.batchSize + 10 { throw Full() }
      }
    }
    #expect(taken == ObservationsCSV.batchSize + 10)
  }
}
