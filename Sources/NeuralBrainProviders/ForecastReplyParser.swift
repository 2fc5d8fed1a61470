import Foundation
import NeuralBrainCore

/// Reads a model's reply against the prompt's contract: tolerates code fences and leading prose,
/// then checks that every requested date is there once, values are finite, non-negative,
/// increase with the level and stay under a sanity cap. Anything else is `invalidOutput`.
struct ForecastReplyParser: Sendable {
  /// Values above `capFactor × max(recent maximum, capFloor)` are rejected as implausible.
  static let capFactor = 10.0
  /// The recent maximum is raised to this before the cap applies, so a series that has been
  /// at or near zero may still rise (the normalizer's cap uses the same floor).
  static let capFloor: Double = 10

  var provider: String
  var prompt: ForecastPrompt

  /// Per horizon (in prompt order): the provided values by hub quantile index, median included.
  func parse(_ text: String) throws(ProviderFailure) -> [[Int: Double]] {
    guard let json = Self.extractJSON(text) else {
      if Self.isCutOff(text) {
        throw ProviderFailure(
          provider: provider, failureClass: .truncated, message: "the reply's JSON is cut off: \(Self.excerpt(text))")
      }
      throw failure("the reply is not JSON: \(Self.excerpt(text))")
    }
    guard let items = json["forecasts"]?.array ?? json.array else {
      throw failure("the reply has no `forecasts` array")
    }
    var byDate: [Day: [Int: Double]] = [:]
    for item in items {
      guard let dateText = item["date"]?.string, let date = Day(iso: dateText.prefix(10)) else {
        throw failure("a forecast entry has no valid `date`")
      }
      guard prompt.periodEnds.contains(date) else {
        throw failure(
          "date \(dateText) was not asked for (expected \(prompt.periodEnds.map(\.iso).joined(separator: ", ")))")
      }
      guard byDate[date] == nil else { throw failure("date \(date.iso) appears twice") }
      byDate[date] = try values(of: item, date: date)
    }
    return try prompt.periodEnds.map { date throws(ProviderFailure) in
      guard let values = byDate[date] else { throw failure("the reply has no forecast for \(date.iso)") }
      return values
    }
  }

  private func values(of item: JSONValue, date: Day) throws(ProviderFailure) -> [Int: Double] {
    guard let median = item["median"]?.number else { throw failure("\(date.iso) has no numeric `median`") }
    var pairs: [(Double, Double)] = [(0.5, median)]
    switch item["quantiles"] {
    case .array(let entries)?:
      for entry in entries {
        guard let level = entry["level"]?.number, let value = entry["value"]?.number else {
          throw failure("\(date.iso) has a quantile without numeric `level` and `value`")
        }
        pairs.append((level, value))
      }
    case .object(let members)?:
      for (key, entry) in members {
        guard let level = Double(key), let value = entry.number else {
          throw failure("\(date.iso) has a quantile `\(key)` that is not level → number")
        }
        pairs.append((level, value))
      }
    case nil, .null?:
      break
    default:
      throw failure("\(date.iso) has `quantiles` that are neither a list nor a map")
    }
    let cap = Self.capFactor * max(prompt.recentMaximum, Self.capFloor)
    var byIndex: [Int: Double] = [:]
    for (level, value) in pairs {
      guard value.isFinite, level.isFinite else { throw failure("\(date.iso) has a non-finite value") }
      guard value >= 0 else { throw failure("\(date.iso) has a negative value \(value)") }
      guard value <= cap else {
        throw failure("\(date.iso) value \(value) exceeds \(Int(Self.capFactor))× the recent maximum")
      }
      guard let index = QuantileLevels.hub.firstIndex(where: { abs($0 - level) < 1e-6 }) else { continue }
      if let existing = byIndex[index], existing != value {
        throw failure("\(date.iso) gives two values for level \(level)")
      }
      byIndex[index] = value
    }
    let ordered = byIndex.sorted { $0.key < $1.key }.map(\.value)
    guard zip(ordered, ordered.dropFirst()).allSatisfy({ $0 <= $1 }) else {
      throw failure("\(date.iso) quantiles decrease as the level increases")
    }
    return byIndex
  }

  private func failure(_ message: String) -> ProviderFailure {
    ProviderFailure(provider: provider, failureClass: .invalidOutput, message: message)
  }

  /// The JSON in `text`: the whole text, the inside of a ``` fence, or the span from the first
  /// `{` to the last `}` (leading prose, trailing remarks).
  static func extractJSON(_ text: String) -> JSONValue? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if let json = JSONValue(parsing: Array(trimmed.utf8)), json.object != nil || json.array != nil { return json }
    if let fence = trimmed.range(of: "```") {
      let afterFence = trimmed[fence.upperBound...]
      let bodyStart = afterFence.firstIndex(of: "\n").map { afterFence.index(after: $0) } ?? afterFence.startIndex
      let body = afterFence[bodyStart...]
      let inner = body.range(of: "```").map { body[..<$0.lowerBound] } ?? body
      if let json = JSONValue(parsing: Array(inner.utf8)) { return json }
    }
    guard let open = trimmed.firstIndex(of: "{"), let close = trimmed.lastIndex(of: "}"), open < close else {
      return nil
    }
    return JSONValue(parsing: Array(trimmed[open...close].utf8))
  }

  /// A JSON document that stops before it closes: after any fence, it opens with `{` or `[` and
  /// more brackets open than close outside strings. Vendors without a finish reason (Workers AI)
  /// show a reply cut at the token cap only this way.
  static func isCutOff(_ text: String) -> Bool {
    var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    if body.hasPrefix("```") { body = body.drop { $0 != "\n" }.dropFirst() }
    guard let first = body.first, first == "{" || first == "[" else { return false }
    var depth = 0
    var inString = false
    var escaped = false
    for character in body.utf8 {
      if inString {
        if escaped {
          escaped = false
        } else if character == UInt8(ascii: "\\") {
          escaped = true
        } else if character == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch character {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      default: break
      }
    }
    return depth > 0 || inString
  }

  static func excerpt(_ text: String) -> String {
    text.isEmpty ? "(empty)" : String(text.prefix(120))
  }
}
