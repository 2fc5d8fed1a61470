import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainProviders

@Suite("Prompt and reply contract")
struct ForecastReplyParserTests {
  let prompt: ForecastPrompt
  let parser: ForecastReplyParser

  init() throws {
    let job = try #require(SeriesJob.jobs(for: TestFixtures.request).first)
    prompt = ForecastPrompt(job: job)
    parser = ForecastReplyParser(provider: "p", prompt: prompt)
  }

  @Test("the prompt sends the last 26 values as integer date,value lines and the exact horizon dates")
  func promptContent() {
    #expect(ForecastPrompt.version == "nb-prompt-v2")
    #expect(prompt.periodEnds == TestFixtures.horizonDates)
    let lines = prompt.user.split(separator: "\n").filter {
      $0.range(of: #"^\d{4}-\d{2}-\d{2},\d+$"#, options: .regularExpression) != nil
    }
    #expect(lines.count == 26)
    #expect(lines.last == "\(TestFixtures.lastObserved.iso),\(Int(TestFixtures.values[29] ?? 0))")
    for date in TestFixtures.horizonDates { #expect(prompt.user.contains(date.iso)) }
  }

  @Test(
    "replies in fences, after prose or as a bare document parse",
    arguments: [
      TestFixtures.forecastJSON(),
      "```json\n" + TestFixtures.forecastJSON() + "\n```",
      "Here is the forecast you asked for:\n" + TestFixtures.forecastJSON() + "\nHope it helps.",
      "```\n" + TestFixtures.forecastJSON() + "\n```",
    ])
  func tolerant(text: String) throws {
    let horizons = try parser.parse(text)
    #expect(horizons.count == 4)
    #expect(horizons[0][QuantileLevels.medianIndex] == 150)
    #expect(horizons[0][QuantileLevels.central95.lower] == 75)
  }

  @Test("quantiles as a level → value map are accepted")
  func mapQuantiles() throws {
    let points = TestFixtures.horizonDates.map {
      #"{"date":"\#($0.iso)","median":10,"quantiles":{"0.1":5,"0.9":20}}"#
    }
    let horizons = try parser.parse(#"{"forecasts":["# + points.joined(separator: ",") + "]}")
    #expect(horizons[3][3] == 5)
    #expect(horizons[3][19] == 20)
  }

  static let invalid: [(String, String)] = [
    ("empty", ""),
    ("prose only", "I am unable to forecast this."),
    ("no forecasts key", #"{"points":[]}"#),
    ("missing a date", TestFixtures.forecastJSON(dates: Array(TestFixtures.horizonDates.prefix(3)))),
    ("wrong dates", TestFixtures.forecastJSON(dates: TestFixtures.horizonDates.map { $0.adding(days: 1) })),
    ("negative", TestFixtures.forecastJSON(median: -5)),
    ("above the sanity cap", TestFixtures.forecastJSON(median: 100_000)),
    (
      "decreasing quantiles",
      #"{"forecasts":["#
        + TestFixtures.horizonDates.map {
          #"{"date":"\#($0.iso)","median":10,"quantiles":[{"level":0.9,"value":5}]}"#
        }.joined(separator: ",") + "]}"
    ),
    (
      "median not a number",
      #"{"forecasts":["#
        + TestFixtures.horizonDates.map { #"{"date":"\#($0.iso)","median":"ten"}"# }
        .joined(separator: ",") + "]}"
    ),
  ]

  @Test("replies that break the contract are invalid output", arguments: invalid)
  func rejects(name: String, text: String) {
    #expect(throws: ProviderFailure.self, "\(name)") { try parser.parse(text) }
    do {
      _ = try parser.parse(text)
    } catch {
      #expect(error.failureClass == .invalidOutput)
    }
  }

  @Test("missing levels are filled from the local model's spread around the provider's median")
  func calibration() {
    let local = QuantileLevels.hub.map { level in 100 * (0.5 + level) }  // median 100
    let provided = [QuantileLevels.medianIndex: 200.0, QuantileLevels.central95.upper: 400.0]
    let filled = QuantileCalibration.fill(provided: provided, local: local)
    #expect(filled.count == 23)
    #expect(filled[QuantileLevels.medianIndex] == 200)
    #expect(filled[QuantileLevels.central95.upper] == 400)
    #expect(zip(filled, filled.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(filled.allSatisfy { $0 >= 0 })
    // Below the median the local model's log offsets are re-centred on 200, not on 100.
    #expect(filled[0] > local[0])
    #expect(filled[0] < 200)
  }
}
