import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Scoring")
struct ScoringTests {
  /// round(100 + 20·Φ⁻¹(τ), 3) at the hub levels (docs/models.md §1).
  let hubCase: [Double] = [
    53.473, 60.801, 67.103, 74.369, 79.271, 83.168, 86.51, 89.512, 92.294, 94.933, 97.487, 100.0,
    102.513, 105.067, 107.706, 110.488, 113.49, 116.832, 120.729, 125.631, 132.897, 139.199, 146.527,
  ]

  @Test(
    "WIS reproduces the golden hub-level values",
    arguments: [
      (130.0, 17.526017), (100.0, 4.261321), (40.0, 45.037060), (0.0, 85.037060),
    ])
  func goldenWIS(observed: Double, expected: Double) {
    #expect(abs(WeightedIntervalScore.score(quantiles: hubCase, observed: observed) - expected) < 1e-6)
  }

  @Test("WIS of the three-level case is 3.833333")
  func smallCase() {
    let wis = WeightedIntervalScore.score(quantiles: [8, 10, 13], observed: 15, levels: [0.25, 0.5, 0.75])
    #expect(abs(wis - 3.833333) < 1e-6)
  }

  @Test("WIS equals the interval-score definition")
  func intervalDefinition() {
    let y = 118.0
    var total = 0.5 * abs(y - hubCase[11])
    for k in 0..<11 {
      let alpha = 2 * QuantileLevels.hub[k]
      let (l, u) = (hubCase[k], hubCase[22 - k])
      let interval = (u - l) + (2 / alpha) * max(l - y, 0) + (2 / alpha) * max(y - u, 0)
      total += alpha / 2 * interval
    }
    #expect(abs(WeightedIntervalScore.score(quantiles: hubCase, observed: y) - total / 11.5) < 1e-9)
  }

  @Test("coverage is inclusive at the bounds and the absolute error uses the median")
  func coverage() {
    #expect(QuantileLevels.covers(hubCase, observed: 86.51, interval: QuantileLevels.central50))
    #expect(!QuantileLevels.covers(hubCase, observed: 120, interval: QuantileLevels.central50))
    #expect(QuantileLevels.covers(hubCase, observed: 139.199, interval: QuantileLevels.central95))
    #expect(!QuantileLevels.covers(hubCase, observed: 40, interval: QuantileLevels.central95))
    #expect(WeightedIntervalScore.absoluteError(hubCase, observed: 90) == 10)
  }

  @Test("pairwise relative skill of two models is their mean-score ratio on shared targets")
  func pairwiseTwoModels() {
    let scores: [String: [Int: Double]] = [
      "base": [1: 10, 2: 20, 3: 30], "model": [1: 5, 2: 10, 4: 1000],
    ]
    let relative = RelativeSkill.pairwise(scores, baseline: "base")
    #expect(abs((relative["model"] ?? 0) - 0.5) < 1e-12)
    #expect(relative["base"] == 1)
  }

  @Test("pairwise relative skill uses the geometric mean over all models")
  func pairwiseThreeModels() {
    let scores: [String: [Int: Double]] = ["a": [1: 1], "b": [1: 2], "c": [1: 4]]
    let relative = RelativeSkill.pairwise(scores, baseline: "b")
    // θ_a = (1 · 1/2 · 1/4)^(1/3), θ_b = (2 · 1 · 1/2)^(1/3) = 1.
    #expect(abs((relative["a"] ?? 0) - 0.5) < 1e-12)
    #expect(abs((relative["c"] ?? 0) - 2) < 1e-12)
  }

  @Test("the mean-score ratio does not depend on the order a dictionary keeps its targets in")
  func ratioIgnoresDictionaryOrder() throws {
    // Sums of these values change in the last digits with the order they are added in.
    var values: [Double] = []
    for index in 0..<500 {
      let small = 0.1 * Double(index % 7)
      let large = 1e3 * Double(index % 11)
      values.append(small + large + 1e-3 * Double(index))
    }
    var ascending: [Int: Double] = [:]
    var other: [Int: Double] = [:]
    for (index, value) in values.enumerated() {
      ascending[index] = value
      other[index] = value * 0.5 + 1
    }
    var roomy = [Int: Double](minimumCapacity: 8_192)
    for (index, value) in values.enumerated().reversed() { roomy[index] = value }
    #expect(Array(ascending.keys) != Array(roomy.keys), "the two dictionaries must iterate in different orders")
    let first = try #require(RelativeSkill.ratio(ascending, other))
    let second = try #require(RelativeSkill.ratio(roomy, other))
    #expect(first == second)
  }
}
