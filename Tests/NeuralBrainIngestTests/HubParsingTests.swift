import Foundation
import NeuralBrainCore
import NeuralBrainIngest
import Testing

@Suite("Hub CSV parsing")
struct HubParsingTests {
  static let levels = QuantileLevels.hub

  /// A model-output file with the ensemble's column order, a pmf row and a horizon −1 block.
  static func modelOutput(dropLevel: Int? = nil) -> String {
    var lines = ["reference_date,location,horizon,target,target_end_date,output_type,output_type_id,value"]
    for horizon in [-1, 0, 2] {
      for (index, level) in levels.enumerated() where index != dropLevel || horizon != 2 {
        lines.append(
          "2024-01-06,06,\(horizon),wk inc flu hosp,\(Day(iso: "2024-01-06")!.adding(days: 7 * horizon).iso),quantile,\(level),\(100 + index)"
        )
      }
    }
    lines.append("2024-01-06,06,0,wk flu hosp rate change,2024-01-06,pmf,increase,0.4")
    lines.append("2024-01-06,06,0,peak inc flu hosp,,quantile,0.5,7")
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  @Test("model output keeps quantile rows of non-negative horizons for the given target")
  func modelOutputRows() throws {
    let forecasts = try HubModelOutputReader.parse(
      Self.modelOutput(), file: "x/2024-01-06-FluSight-ensemble.csv", target: "wk inc flu hosp")
    #expect(forecasts.map(\.forecast.horizon) == [0, 2])
    let first = try #require(forecasts.first)
    #expect(first.model == "FluSight-ensemble")
    #expect(first.regionID == "06")
    #expect(first.target == "wk inc flu hosp")
    #expect(first.referenceDate == Day(iso: "2024-01-06"))
    #expect(forecasts[1].forecast.targetEndDate == Day(iso: "2024-01-20"))
    #expect(first.forecast.quantiles == (0..<23).map { Double(100 + $0) })
  }

  @Test("columns may come in any order")
  func columnOrder() throws {
    let text =
      "value,output_type_id,output_type,location,target_end_date,target,horizon,reference_date\n"
      + Self.levels.map { "5,\($0),quantile,01,2024-01-13,t,1,2024-01-06" }.joined(separator: "\n")
    let forecasts = try HubModelOutputReader.parse(text, file: "f.csv", model: "m")
    #expect(forecasts.count == 1)
    #expect(forecasts.first?.model == "m")
    #expect(forecasts.first?.forecast.quantiles.allSatisfy { $0 == 5 } == true)
  }

  @Test("a forecast missing a quantile level is an error naming the file and forecast")
  func incomplete() {
    #expect(
      throws: IngestError.incompleteQuantiles(
        InputPosition(file: "f.csv", line: 48, column: 7, columnName: "output_type_id"),
        forecast: "target \"wk inc flu hosp\", location 06, reference date 2024-01-06, horizon 2", found: 22)
    ) {
      try HubModelOutputReader.parse(Self.modelOutput(dropLevel: 3), file: "f.csv", target: "wk inc flu hosp")
    }
  }

  @Test("a malformed value is reported with line and column")
  func malformed() {
    let text =
      "reference_date,horizon,target,target_end_date,location,output_type,output_type_id,value\n"
      + "2024-01-06,0,t,2024-01-06,01,quantile,0.5,abc\n"
    #expect(
      throws: IngestError.badNumber(
        InputPosition(file: "f.csv", line: 2, column: 8, columnName: "value"), text: "abc")
    ) { try HubModelOutputReader.parse(text, file: "f.csv") }
  }

  @Test(
    "a horizon that is not an integer or a level that is not a hub level is refused at its cell",
    arguments: [
      ("1.5", "0.5", 2, "horizon \"1.5\" is not an integer"),
      ("1", "0.33", 7, "\"0.33\" is not one of the 23 hub quantile levels"),
    ])
  func malformedCell(horizon: String, level: String, column: Int, detail: String) {
    let names = ["reference_date", "horizon", "target", "target_end_date", "location", "output_type", "output_type_id"]
    let text =
      names.joined(separator: ",") + ",value\n"
      + "2024-01-06,\(horizon),t,2024-01-13,01,quantile,\(level),3\n"
    #expect(
      throws: IngestError.malformedRow(
        InputPosition(file: "f.csv", line: 2, column: column, columnName: names[column - 1]), detail: detail)
    ) { try HubModelOutputReader.parse(text, file: "f.csv") }
  }

  @Test("a missing column is named in the error message")
  func missingColumn() {
    let header = ["reference_date", "location", "horizon", "target", "target_end_date"]
    #expect(throws: IngestError.missingColumn(path: "f.csv", line: 1, name: "output_type", found: header)) {
      try HubModelOutputReader.parse(header.joined(separator: ",") + "\n", file: "f.csv")
    }
    let message = IngestError.missingColumn(path: "f.csv", line: 1, name: "value", found: header).errorDescription ?? ""
    #expect(message.contains("f.csv") && message.contains("\"value\""))
  }

  @Test("target data skip NA values and an unnamed leading row-number column")
  func targetData() throws {
    let text = """
      "X","date","location","location_name","value","weekly_rate"
      1,"2024-04-27","02","Alaska",3,0.42
      2,"2024-04-20","02","Alaska",NA,NA
      3,"2024-04-27","01","Alabama, state",16,0.31
      """
    let table = try HubTargetTable.parse(text, file: "t.csv", now: Fixture.now)
    #expect(table.values["02"] == [Day(iso: "2024-04-27")!: 3])
    #expect(table.values["01"]?[Day(iso: "2024-04-27")!] == 16)
    #expect(table.names["01"] == "Alabama, state")
  }

  @Test("target data rebuild a gap-free weekly series")
  func targetSeries() throws {
    let text = "date,location,location_name,value\n2024-01-06,01,A,1\n2024-01-20,01,A,3\n2024-01-13,01,A,NA\n"
    let table = try HubTargetTable.parse(text, file: "t.csv", now: Fixture.now)
    #expect(table.series(location: "01", frequency: .weekly) == [1, 1, 3])
    #expect(table.series(location: "99", frequency: .weekly).isEmpty)
  }

  @Test("a bad date in target data is reported with line and column")
  func targetBadDate() {
    #expect(
      throws: IngestError.badDate(
        InputPosition(file: "t.csv", line: 2, column: 1, columnName: "date"), text: "2024-13-01", expected: "YYYY-MM-DD"
      )
    ) { try HubTargetTable.parse("date,location,value\n2024-13-01,01,4\n", file: "t.csv", now: Fixture.now) }
  }

  @Test("target data are read by the hub source's parser: same values, same refusals")
  func targetSharesHubSource() async throws {
    let path = Fixture.path("hub-target.csv")
    let table = try HubTargetTable.parse(
      Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path, now: Fixture.now)
    let dataset = try await Fixture.load(.hub, ["hub-target.csv"])
    #expect(table.values.count == dataset.series.count)
    for series in dataset.series {
      let observed = series.values.indices.compactMap { index in
        series.values[index].map { (series.date(at: index), $0) }
      }
      #expect(table.values[series.region.code] == Dictionary(uniqueKeysWithValues: observed))
      #expect(table.names[series.region.code] == series.region.name)
    }
    let daily = Fixture.path("bad/hub-daily.csv")
    let text = try String(contentsOfFile: daily, encoding: .utf8)
    #expect(
      throws: IngestError.irregularDates(
        InputPosition(file: daily, line: 3, column: 1),
        detail:
          "date 2024-01-07 is 1 days after the first date 2024-01-06; expected weekly dates (the same weekday every week)"
      )
    ) { try HubTargetTable.parse(text, file: daily, now: Fixture.now) }
  }
}
