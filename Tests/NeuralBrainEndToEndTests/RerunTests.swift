import Foundation
import NeuralBrainTestSupport
import Testing

/// Several runs a day, many days: what `schedule --interval 1h` does. Two runs on one day used to
/// store two forecasts of the same reference date, whose scores then collided in the database
/// and failed every later run at the render step.
@Suite("runs several times a day")
struct RerunTests {
  @Test("three runs a day for four days all publish, and the evaluation scores each forecast once")
  func sameDayReruns() async throws {
    let directory = try TemporaryDirectory()
    let common = [
      "--output", directory.url.appendingPathComponent("output").path,
      "--state-dir", directory.url.appendingPathComponent("state").path, "--regions", "3",
    ]
    var statuses: [Int32] = []
    for day in 15...18 {
      for hour in ["06", "07", "18"] {
        let run = try await NeuralBrainExecutable.run(["run", "--now", "2025-01-\(day)T\(hour):00:00Z"] + common)
        #expect(run.status == 0, "2025-01-\(day) \(hour):00: \(run.standardError)")
        statuses.append(run.status)
      }
    }
    #expect(statuses.allSatisfy { $0 == 0 })
    let page = try String(
      contentsOf: directory.url.appendingPathComponent("output/current/evaluation.html"), encoding: .utf8)
    // One row per metric: WIS of cases and of deaths are never averaged together.
    #expect(page.contains("local/local-ensemble-v3 · cases"))
    #expect(page.contains("local/local-ensemble-v3 · deaths"))
  }
}
