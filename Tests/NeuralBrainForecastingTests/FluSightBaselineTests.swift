import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("FluSight baseline")
struct FluSightBaselineTests {
  let y: [Double] = [10, 12, 15, 13, 20]

  @Test("step 1 reproduces the 23 golden quantiles of docs/models.md §2")
  func goldenStepOne() {
    let golden: [Double] = [
      13.28, 13.7, 14.4, 15.8, 17.05, 17.4, 17.75, 18.0, 18.0, 18.0, 18.6, 20.0, 21.4, 22.0, 22.0,
      22.0, 22.25, 22.6, 22.95, 24.2, 25.6, 26.3, 26.72,
    ]
    let quantiles = FluSightBaseline.flusightBaseline(y, steps: 1, seed: 1)
    #expect(quantiles.count == 1)
    for (value, expected) in zip(quantiles[0], golden) { #expect(abs(value - expected) < 1e-9) }
  }

  @Test("later steps match the numpy reference distribution within Monte Carlo tolerance")
  func laterSteps() {
    // numpy seed 0, 1e5 simulations: (2.5%, 25%, 50%, 75%, 97.5%) per step 2…4.
    let reference: [[Double]] = [
      [11.24, 16.34, 20.0, 23.66, 28.82], [9.12, 16.16, 20, 23.85, 30.99],
      [7.29, 15.5, 20, 24.47, 32.79],
    ]
    let quantiles = FluSightBaseline.flusightBaseline(y, steps: 4, seed: 2024, simulations: 20_000)
    for step in 1...3 {
      let picked = [1, 6, 11, 16, 21].map { quantiles[step][$0] }
      for (value, expected) in zip(picked, reference[step - 1]) {
        #expect(abs(value - expected) < 0.35, "step \(step + 1): \(value) vs \(expected)")
      }
    }
  }

  @Test("the median stays on the last value, quantiles are sorted and never negative")
  func invariants() {
    let quantiles = FluSightBaseline.flusightBaseline([5, 1, 9, 0, 2], steps: 4, seed: 3)
    for row in quantiles {
      #expect(abs(row[QuantileLevels.medianIndex] - 2) < 1e-9)
      #expect(row == row.sorted())
      #expect(row.allSatisfy { $0 >= 0 })
    }
  }

  @Test("the same seed gives the same forecast")
  func deterministic() {
    #expect(
      FluSightBaseline.flusightBaseline(y, steps: 4, seed: 9)
        == FluSightBaseline.flusightBaseline(y, steps: 4, seed: 9))
  }

  @Test("a single value gives a flat, zero-width forecast")
  func singleValue() {
    let quantiles = FluSightBaseline.flusightBaseline([4], steps: 2, seed: 1)
    #expect(quantiles.allSatisfy { $0.allSatisfy { $0 == 4 } })
  }

  @Test("7-day totals of the sample paths centre on seven times the last value and widen week by week")
  func blockTotals() {
    var generator = SplitMix64(seed: 4)
    let y = (0..<60).map { _ in 100 + Double(generator.below(41)) - 20 }
    let totals = FluSightBaseline.blockTotals(y, blocks: 4, seed: 9, simulations: 2_000)
    #expect(totals.count == 4)
    for row in totals {
      #expect(row == row.sorted() && row.allSatisfy { $0 >= 0 })
      #expect(abs(row[QuantileLevels.medianIndex] - 7 * y.last!) / (7 * y.last!) < 0.02)
    }
    #expect(totals[3][22] - totals[3][0] > totals[0][22] - totals[0][0])
  }
}
