import Foundation

/// Reads how long a vendor asked us to wait, from every place docs/providers.md §4 lists:
/// `retry-after-ms`, `retry-after` (seconds or HTTP date), Gemini's `RetryInfo.retryDelay`,
/// the IETF `RateLimit: …;t=55` header and the `x-ratelimit-reset-*` durations.
public enum RetryHint {
  /// Seconds in a Go/protobuf style duration: `"12ms"`, `"7.66s"`, `"2m59.56s"`, `"6m0s"`,
  /// `"1h2m"`, or a plain number of seconds. Nil when the text is not a duration.
  public static func seconds(inDuration text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    if let plain = Double(trimmed) { return plain >= 0 && plain.isFinite ? plain : nil }
    var total = 0.0
    var number = ""
    var unit = ""
    var parsedAny = false
    func flush() -> Bool {
      guard let value = Double(number), let scale = unitScale[unit] else { return false }
      total += value * scale
      number = ""
      unit = ""
      parsedAny = true
      return true
    }
    for character in trimmed {
      if character.isNumber || character == "." {
        if !unit.isEmpty, !flush() { return nil }
        number.append(character)
      } else if character.isLetter {
        guard !number.isEmpty else { return nil }
        unit.append(character)
      } else {
        return nil
      }
    }
    guard !number.isEmpty, !unit.isEmpty, flush(), parsedAny else { return nil }
    return total
  }

  /// Seconds from a `retry-after` value: delay-seconds or an HTTP date (relative to `now`).
  public static func seconds(inRetryAfter text: String, now: Date) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let seconds = Double(trimmed) { return seconds >= 0 && seconds.isFinite ? seconds : nil }
    guard let date = httpDate(trimmed) else { return nil }
    return max(0, date.timeIntervalSince(now))
  }

  /// The `t=` parameter of an IETF `RateLimit` header (`"api";r=0;t=55`).
  public static func seconds(inRateLimitHeader text: String) -> Double? {
    for parameter in text.split(separator: ";") {
      let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if pair.count == 2, pair[0] == "t", let value = Double(pair[1]) { return value }
    }
    return nil
  }

  /// The best hint in a reply's headers, most specific first. For `x-ratelimit-reset-*` the
  /// exhausted dimension (remaining 0) wins, otherwise the longer reset.
  static func seconds(inHeaders header: (String) -> String?, now: Date) -> Double? {
    if let text = header("retry-after-ms"), let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)) {
      return milliseconds / 1000
    }
    if let text = header("retry-after"), let value = seconds(inRetryAfter: text, now: now) { return value }
    if let text = header("ratelimit"), let value = seconds(inRateLimitHeader: text) { return value }
    let dimensions = ["tokens", "requests"].compactMap { dimension -> (exhausted: Bool, reset: Double)? in
      guard let reset = header("x-ratelimit-reset-\(dimension)").flatMap(seconds(inDuration:)) else { return nil }
      return (header("x-ratelimit-remaining-\(dimension)") == "0", reset)
    }
    if let exhausted = dimensions.filter(\.exhausted).map(\.reset).max() { return exhausted }
    return dimensions.map(\.reset).max()
  }

  private static let unitScale: [String: Double] = [
    "ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600,
  ]

  /// An IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`).
  private static func httpDate(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    return formatter.date(from: text)
  }
}
