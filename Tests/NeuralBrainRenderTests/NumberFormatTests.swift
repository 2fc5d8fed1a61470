import Foundation
import Testing

@testable import NeuralBrainRender

@Suite("Number formatting")
struct NumberFormatTests {
  @Test(
    "fixed decimals round half away from zero without a locale",
    arguments: [
      (1.005, 1, "1.0"), (2.5, 0, "3"), (-0.04, 1, "0.0"), (-1.25, 1, "-1.3"), (1234.5678, 2, "1234.57"),
    ])
  func fixed(value: Double, digits: Int, expected: String) {
    #expect(NumberFormat.fixed(value, digits) == expected)
  }

  @Test(
    "hub values keep at most four decimals and no trailing zeros",
    arguments: [
      (0.025, "0.025"), (737.5, "737.5"), (12.0, "12"), (0.123456, "0.1235"), (-0.00001, "0"),
    ])
  func trimmed(value: Double, expected: String) {
    #expect(NumberFormat.trimmed(value) == expected)
  }

  @Test(
    "counts are grouped by thousands",
    arguments: [
      (1_234_567.0, "1,234,567"), (999.0, "999"), (3.44, "3.4"), (-12_000.0, "-12,000"),
    ])
  func count(value: Double, expected: String) {
    #expect(NumberFormat.count(value) == expected)
  }

  @Test("timestamps are UTC ISO-8601")
  func timestamps() {
    let date = Date(timeIntervalSince1970: 1_795_914_000)
    #expect(NumberFormat.isoTimestamp(date) == "2026-11-29T01:00:00Z")
    #expect(NumberFormat.displayTimestamp(date) == "2026-11-29 01:00 UTC")
  }
}
