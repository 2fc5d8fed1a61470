import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Numerics")
struct NumericsTests {
  @Test(
    "type-7 quantiles interpolate like R and numpy",
    arguments: [
      (0.0, 1.0), (0.25, 1.75), (0.5, 2.5), (0.9, 3.7), (1.0, 4.0),
    ])
  func type7(level: Double, expected: Double) {
    #expect(abs(Quantile.type7(sorted: [1, 2, 3, 4], level) - expected) < 1e-12)
  }

  @Test("type-7 quantile of one value or none is that value or zero")
  func degenerate() {
    #expect(Quantile.type7(sorted: [7], 0.3) == 7)
    #expect(Quantile.type7(sorted: [], 0.3) == 0)
  }

  @Test(
    "inverse normal CDF matches reference values",
    arguments: [
      (0.5, 0.0), (0.975, 1.959963984540054), (0.01, -2.3263478740408408),
      (0.25, -0.6744897501960817), (1e-10, -6.361340902404056),
    ])
  func inverseNormal(p: Double, expected: Double) {
    #expect(abs(NormalQuantile.of(p) - expected) < 1e-12)
  }

  @Test("inverse normal CDF is infinite at the ends and NaN outside")
  func inverseNormalEdges() {
    #expect(NormalQuantile.of(0) == -.infinity)
    #expect(NormalQuantile.of(1) == .infinity)
    #expect(NormalQuantile.of(1.5).isNaN)
  }

  @Test("the seeded generator is deterministic and seed-dependent")
  func generator() {
    var a = SplitMix64(seed: 42)
    var b = SplitMix64(seed: 42)
    var c = SplitMix64(seed: 43)
    let first = (0..<5).map { _ in a.next() }
    #expect(first == (0..<5).map { _ in b.next() })
    #expect(first != (0..<5).map { _ in c.next() })
  }

  @Test("SplitMix64 reproduces its reference sequence for seed 0")
  func splitMixReference() {
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test("Fisher–Yates shuffle permutes and bounded draws stay in range")
  func shuffle() {
    var generator = SplitMix64(seed: 7)
    var values = (0..<100).map(Double.init)
    generator.shuffle(&values)
    #expect(values.sorted() == (0..<100).map(Double.init))
    #expect(values != (0..<100).map(Double.init))
    #expect((0..<1000).allSatisfy { _ in (0..<3).contains(generator.below(3)) })
  }
}
