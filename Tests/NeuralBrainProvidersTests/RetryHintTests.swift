import Foundation
import NeuralBrainEnvironment
import Testing

@testable import NeuralBrainProviders

@Suite("Retry hints")
struct RetryHintTests {
  @Test(
    "durations parse to seconds",
    arguments: [
      ("12ms", 0.012), ("7.66s", 7.66), ("2m59.56s", 179.56), ("6m0s", 360), ("1h2m", 3720), ("47s", 47),
      ("3", 3), ("0.5", 0.5), ("1h", 3600),
    ] as [(String, Double)])
  func durations(text: String, seconds: Double) throws {
    let parsed = try #require(RetryHint.seconds(inDuration: text))
    #expect(abs(parsed - seconds) < 1e-9)
  }

  @Test("non-durations are rejected", arguments: ["", "soon", "5x", "s5", "-3", "1h-2m"])
  func rejected(text: String) {
    #expect(RetryHint.seconds(inDuration: text) == nil)
  }

  @Test("retry-after takes seconds or an HTTP date")
  func retryAfter() throws {
    let now = try #require(ISO8601DateFormatter().date(from: "2015-10-21T07:27:00Z"))
    #expect(RetryHint.seconds(inRetryAfter: "120", now: now) == 120)
    #expect(RetryHint.seconds(inRetryAfter: "Wed, 21 Oct 2015 07:28:00 GMT", now: now) == 60)
    #expect(RetryHint.seconds(inRetryAfter: "tomorrow", now: now) == nil)
  }

  @Test(
    "headers give the most specific hint",
    arguments: [
      ([("retry-after-ms", "1500"), ("retry-after", "9")], 1.5),
      ([("Retry-After", "4"), ("x-ratelimit-reset-tokens", "3.7s")], 4),
      ([("RateLimit", "\"api\";r=0;t=55")], 55),
      (
        [
          ("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "2m59.56s"),
          ("x-ratelimit-remaining-tokens", "100"), ("x-ratelimit-reset-tokens", "7.66s"),
        ], 179.56
      ),
      ([("x-ratelimit-reset-tokens", "9ms"), ("x-ratelimit-reset-requests", "12ms")], 0.012),
    ] as [([(String, String)], Double)])
  func headers(headers: [(String, String)], seconds: Double) throws {
    let reply = WebResponse(status: 429, headers: headers, body: [])
    let parsed = try #require(RetryHint.seconds(inHeaders: reply.header, now: Date()))
    #expect(abs(parsed - seconds) < 1e-9)
  }

  @Test("no header means no hint")
  func none() {
    let reply = WebResponse(status: 429, headers: [("content-type", "application/json")], body: [])
    #expect(RetryHint.seconds(inHeaders: reply.header, now: Date()) == nil)
  }
}
