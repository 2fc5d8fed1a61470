import Foundation
import NeuralBrainCore
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

  @Test("path data spells every coordinate as the one-decimal trimmed form does")
  func pathDataCoordinates() {
    var values: [Double] = [
      0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.95, 9.95, -9.96, 10, 99.94, 1e14, -1e15, 8.9e14, 9e14, 1e300, .infinity,
      -.infinity, .nan, .leastNonzeroMagnitude,
    ]
    var generator = SplitMix64(seed: 0x2545_F491_4F6C_DD1D)
    for _ in 0..<20_000 {
      let mantissa = generator.nextUnit() - 0.5
      values.append(mantissa * pow(10.0, Double(generator.next() % 9) - 1))
    }
    for value in values {
      var path = PathData()
      path.appendCoordinate(value)
      #expect(Self.text(of: path) == NumberFormat.trimmed(value, maxDigits: 1), "\(value)")
    }
    var path = PathData()
    path.append("M")
    path.appendPoint(543.14, -0.01)
    path.append(" Z")
    #expect(Self.text(of: path) == "M543.1 0 Z")
  }

  static func text(of path: PathData) -> String {
    var bytes: [UInt8] = []
    path.append(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test("the fast trimmed form equals fixed-point text with its zeros stripped", arguments: [0, 1, 2, 4, 6])
  func trimmedMatchesFixed(digits: Int) {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(digits)
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let mantissa = Double(state >> 11) / Double(1 << 53) - 0.5
      let magnitude = pow(10.0, Double(Int(state % 13)) - 4)
      let value = (state % 7 == 0) ? (mantissa * 1000).rounded() / 1000 : mantissa * magnitude
      #expect(
        NumberFormat.trimmed(value, maxDigits: digits)
          == NumberFormat.withoutTrailingZeros(NumberFormat.fixed(value, digits)), "\(value)")
    }
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
