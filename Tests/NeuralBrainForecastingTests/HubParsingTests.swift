import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Hub CSV parsing")
struct HubParsingTests {
  static let levels = QuantileLevels.hub

  /// A model-output file with the ensemble's column order, a pmf row and a horizon −1 block.
  static func modelOutput(dropLevel: Int? = nil) -> String {
    var lines = ["reference_date,location,horizon,target,target_end_date,output_type,output_type_id,value"]
    for horizon in [-1, 0, 2] {
      for (index, level) in levels.enumerated() where index != dropLevel || horizon != 2 {
        lines.append("2024-01-06,06,\(horizon),wk inc flu hosp,\(Day(iso: "2024-01-06")!.adding(days: 7 * horizon).iso),quantile,\(level),\(100 + index)")
      }
    }
    lines.append("2024-01-06,06,0,wk flu hosp rate change,2024-01-06,pmf,increase,0.4")
    lines.append("2024-01-06,06,0,peak inc flu hosp,,quantile,0.5,7")
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  @Test("model output keeps quantile rows of non-negative horizons for the given target")
  func modelOutputRows() throws {
    let forecasts = try HubModelOutput.parse(
      Self.modelOutput(), file: "x/2024-01-06-FluSight-ensemble.csv", target: "wk inc flu hosp")
    #expect(forecasts.map(\.horizon) == [0, 2])
    let first = try #require(forecasts.first)
    #expect(first.model == "FluSight-ensemble")
    #expect(first.location == "06")
    #expect(first.referenceDate == Day(iso: "2024-01-06"))
    #expect(forecasts[1].targetEndDate == Day(iso: "2024-01-20"))
    #expect(first.quantiles == (0..<23).map { Double(100 + $0) })
  }

  @Test("columns may come in any order")
  func columnOrder() throws {
    let text = "value,output_type_id,output_type,location,target_end_date,target,horizon,reference_date\n"
      + Self.levels.map { "5,\($0),quantile,01,2024-01-13,t,1,2024-01-06" }.joined(separator: "\n")
    let forecasts = try HubModelOutput.parse(text, file: "f.csv", model: "m")
    #expect(forecasts.count == 1)
    #expect(forecasts.first?.model == "m")
    #expect(forecasts.first?.quantiles.allSatisfy { $0 == 5 } == true)
  }

  @Test("a forecast missing a quantile level is an error naming the file and forecast")
  func incomplete() {
    #expect(throws: HubCSVError.incompleteQuantiles(
      file: "f.csv", location: "06", referenceDate: Day(iso: "2024-01-06")!, horizon: 2, found: 22)
    ) {
      try HubModelOutput.parse(Self.modelOutput(dropLevel: 3), file: "f.csv", target: "wk inc flu hosp")
    }
  }

  @Test("a malformed value is reported with line and column")
  func malformed() {
    let text = "reference_date,horizon,target,target_end_date,location,output_type,output_type_id,value\n"
      + "2024-01-06,0,t,2024-01-06,01,quantile,0.5,abc\n"
    #expect(throws: HubCSVError.invalidField(
      file: "f.csv", line: 2, column: 8, name: "value", value: "abc", expected: "a finite number")
    ) { try HubModelOutput.parse(text, file: "f.csv") }
  }

  @Test("a missing column is named in the error message")
  func missingColumn() {
    #expect(throws: HubCSVError.missingColumn(file: "f.csv", column: "output_type")) {
      try HubModelOutput.parse("reference_date,location,horizon,target,target_end_date\n", file: "f.csv")
    }
    let message = HubCSVError.missingColumn(file: "f.csv", column: "value").errorDescription ?? ""
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
    let table = try HubTargetTable.parse(text, file: "t.csv")
    #expect(table.values["02"] == [Day(iso: "2024-04-27")!: 3])
    #expect(table.values["01"]?[Day(iso: "2024-04-27")!] == 16)
    #expect(table.names["01"] == "Alabama, state")
  }

  @Test("target data rebuild a gap-free weekly series")
  func targetSeries() throws {
    let text = "date,location,location_name,value\n2024-01-06,01,A,1\n2024-01-20,01,A,3\n2024-01-13,01,A,NA\n"
    let table = try HubTargetTable.parse(text, file: "t.csv")
    #expect(table.series(location: "01", frequency: .weekly) == [1, 1, 3])
    #expect(table.series(location: "99", frequency: .weekly).isEmpty)
  }

  @Test("a bad date in target data is reported with line and column")
  func targetBadDate() {
    #expect(throws: HubCSVError.invalidField(
      file: "t.csv", line: 2, column: 1, name: "date", value: "2024-13-01", expected: "a YYYY-MM-DD date")
    ) { try HubTargetTable.parse("date,location,value\n2024-13-01,01,4\n", file: "t.csv") }
  }
}
