import NeuralBrainCore
import NeuralBrainForecasting

/// The versioned prompt of one series: recent history as `date,value` lines, the exact period
/// end dates, and the JSON contract the reply must follow. Changing the wording changes `version`.
///
/// Weekly data ask for each week's count; daily data send daily history and ask for the 7-day
/// totals ending on the given dates (see `SeriesJob.asksWeeklyTotals`).
public struct ForecastPrompt: Sendable, Hashable {
  /// Shown on pages as the method of hosted forecasts.
  public static let version = "nb-prompt-v2"
  /// How many of the most recent weekly values are sent.
  public static let weeklyHistoryLength = 26
  /// How many of the most recent daily values are sent (eight weeks: weekday pattern and trend).
  public static let dailyHistoryLength = 56
  /// The quantile levels the reply is asked for besides the median; other hub levels are
  /// filled by calibration.
  public static let requestedLevels: [Double] = [0.025, 0.1, 0.25, 0.75, 0.9, 0.975]
  /// The user message's last sentence: where a reply that echoes the prompt first (Hugging Face
  /// text generation) starts its own text.
  static let closingSentence = "Values are non-negative counts and increase with the level."

  public var system: String
  public var user: String
  /// The period end dates the reply must cover, in order.
  public var periodEnds: [Day]
  /// The largest recent value on the scale of the asked periods (the sanity cap is a multiple of it).
  public var recentMaximum: Double

  init(job: SeriesJob) {
    let daily = job.asksWeeklyTotals
    let recent = Array(job.values.suffix(daily ? Self.dailyHistoryLength : Self.weeklyHistoryLength))
    let firstIndex = job.values.count - recent.count
    let history = recent.enumerated().map { offset, value in
      "\(job.series.date(at: firstIndex + offset).iso),\(Int(value.rounded()))"
    }
    periodEnds = job.askedPeriodEnds
    recentMaximum = (daily ? LocalForecaster.weeklyTotals(recent) : recent).max() ?? recent.reduce(0, +)
    let unit = daily ? "daily" : "weekly"
    system = """
      You are an epidemiological forecaster. You receive a history of \(unit) incident counts and \
      return a probabilistic forecast as JSON only, with no prose and no code fences.
      """
    let levels = Self.requestedLevels.map { String($0) }.joined(separator: ", ")
    let ends = periodEnds.map(\.iso).joined(separator: ", ")
    let task =
      daily
      ? "Forecast the total count of the 7 days ending on each of these dates (that day and the 6 before it): \(ends)."
      : "Forecast the incident count of the week ending on each of these dates: \(ends)."
    user = """
      Region: \(job.series.region.name) (\(job.series.region.code))
      Metric: \(job.series.metric.displayName), \(unit) incident counts
      History (date,value), oldest first:
      \(history.joined(separator: "\n"))

      \(task)
      Reply with JSON of exactly this shape:
      {"forecasts":[{"date":"YYYY-MM-DD","median":number,"quantiles":[{"level":number,"value":number}]}]}
      One entry per date, in order. Give quantiles at levels \(levels). \(Self.closingSentence)
      """
  }

  /// The reply's JSON Schema for OpenAI-style strict structured output (every object closed,
  /// every property required).
  static let jsonSchema: JSONValue = {
    func object(_ properties: [String: JSONValue]) -> JSONValue {
      .object([
        "type": .string("object"), "properties": .object(properties),
        "required": .array(properties.keys.sorted().map(JSONValue.string)), "additionalProperties": .bool(false),
      ])
    }
    let number = JSONValue.object(["type": .string("number")])
    let quantile = object(["level": number, "value": number])
    let point = object([
      "date": .object(["type": .string("string")]), "median": number,
      "quantiles": .object(["type": .string("array"), "items": quantile]),
    ])
    return object(["forecasts": .object(["type": .string("array"), "items": point])])
  }()

  /// The same contract in Gemini's OpenAPI subset (`responseSchema`).
  static let geminiSchema: JSONValue = {
    func object(_ properties: [String: JSONValue], order: [String]) -> JSONValue {
      .object([
        "type": .string("OBJECT"), "properties": .object(properties),
        "required": .array(order.map(JSONValue.string)), "propertyOrdering": .array(order.map(JSONValue.string)),
      ])
    }
    let number = JSONValue.object(["type": .string("NUMBER")])
    let quantile = object(["level": number, "value": number], order: ["level", "value"])
    let point = object(
      [
        "date": .object(["type": .string("STRING")]), "median": number,
        "quantiles": .object(["type": .string("ARRAY"), "items": quantile]),
      ], order: ["date", "median", "quantiles"])
    return object(["forecasts": .object(["type": .string("ARRAY"), "items": point])], order: ["forecasts"])
  }()
}
