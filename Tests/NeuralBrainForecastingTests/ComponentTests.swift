import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainForecasting

@Suite("Model components")
struct ComponentTests {
  @Test(
    "damped-trend ETS variance matches the closed form of docs/models.md §4",
    arguments: [
      (0.5, 0.1, 0.9), (0.9, 0.3, 0.8), (0.2, 0.02, 0.98),
    ])
  func etsVariance(alpha: Double, beta: Double, phi: Double) {
    let model = DampedTrendETS(alpha: alpha, beta: beta, phi: phi, level: 0, trend: 0, variance: 1)
    for h in 1...6 {
      let hd = Double(h)
      let damped: Double = 1 - pow(phi, hd)
      let first: Double = 1 + alpha * alpha * (hd - 1)
      let second: Double = beta * phi * hd / pow(1 - phi, 2) * (2 * alpha * (1 - phi) + beta * phi)
      let factor: Double = beta * phi * damped / (pow(1 - phi, 2) * (1 - phi * phi))
      let third: Double = factor * (2 * alpha * (1 - phi * phi) + beta * phi * (1 + 2 * phi - pow(phi, hd)))
      let closed = first + second - third
      #expect(abs(model.variance(step: h) - closed) < 1e-6, "h = \(h)")
    }
  }

  @Test("damped-trend ETS follows a straight line and damps it")
  func etsLine() throws {
    let z = (0..<20).map { 1 + 0.1 * Double($0) }
    let model = try #require(DampedTrendETS.fit(z))
    #expect(model.median(step: 1) > z[19])
    #expect(model.median(step: 4) - model.median(step: 3) < model.median(step: 2) - model.median(step: 1))
    let quantiles = model.quantiles(steps: 2)
    #expect(quantiles.count == 2 && quantiles.allSatisfy { $0 == $0.sorted() })
  }

  @Test("pooled ETS parameters minimise the batch's multi-step error, weighted by level")
  func pooledETSParameters() throws {
    // Straight lines on the log scale are forecast best by the least damped trend.
    let lines = (0..<4).map { series in (0..<8).map { 2 + Double(series) + 0.2 * Double($0) } }
    let chosen = DampedTrendETS.Parameters.select(for: lines, horizon: 4, weightByLevel: true)
    #expect(chosen.phi == DampedTrendETS.Parameters.phis.max())
    let loss = { (p: DampedTrendETS.Parameters) in lines.reduce(0) { $0 + p.squaredError($1, horizon: 4) } }
    for alpha in DampedTrendETS.Parameters.alphas {
      let other = DampedTrendETS.Parameters(alpha: alpha, beta: alpha * 0.05, phi: 0.8)
      #expect(loss(chosen) <= loss(other))
    }
    // One series at horizon 1 is the classical fit: the least one-step SSE.
    let z = lines[0].enumerated().map { $1 + ($0 % 2 == 0 ? 0.05 : -0.05) }
    let single = DampedTrendETS.Parameters.select(for: [z], horizon: 1, weightByLevel: false)
    let fitted = try #require(DampedTrendETS.fit(z))
    #expect(fitted.alpha == single.alpha && fitted.beta == single.beta && fitted.phi == single.phi)
  }

  @Test("Theta forecasts ℓ_T + drift·((h − 1) + (1 − (1 − α)^n)/α)")
  func thetaFormula() throws {
    let z: [Double] = (0..<12).map { (t: Int) -> Double in
      let wiggle: Double = t % 2 == 0 ? 0.01 : -0.01
      return 2 + 0.05 * Double(t) + wiggle
    }
    let model = try #require(Theta.fit(z))
    let expected = model.level + model.drift * (2 + (1 - pow(1 - model.alpha, 12)) / model.alpha)
    #expect(abs(model.median(step: 3) - expected) < 1e-12)
    #expect(abs(model.drift - 0.025) < 0.005)
  }

  @Test("the pooled regression learns a growth rate shared by all series")
  func pooledRegression() throws {
    // Every series grows by 0.1 per period on the log scale, at different levels.
    let logs = (0..<5).map { series in (0..<40).map { 1 + Double(series) + 0.1 * Double($0) } }
    let design = logs.map(PooledGrowthRegression.featureRows)
    let fits = PooledGrowthRegression.fit(logs, design: design, steps: 2, window: 20, weightPower: 0, origins: 3)
    #expect(fits.count == 4)
    for step in 1...2 {
      let features = PooledGrowthRegression.features(in: design[0], at: 39)
      let median = try #require(fits[0].median(last: logs[0][39], features: features, step: step))
      #expect(abs(median - (logs[0][39] + 0.1 * Double(step))) < 1e-6)
    }
    #expect(fits[0].quantiles(logs[0], steps: 2)?.count == 2)
  }

  @Test("sliding normal equations equal a fresh fit on the truncated series")
  func slidingFit() throws {
    var generator = SplitMix64(seed: 5)
    let logs = (0..<6).map { _ in (0..<60).map { _ in Double(generator.below(1000)) / 200 } }
    let fits = PooledGrowthRegression.fit(
      logs, design: logs.map(PooledGrowthRegression.featureRows), steps: 2, window: 15, weightPower: 1, origins: 5)
    let truncated = logs.map { Array($0.dropLast(5)) }
    let fresh = PooledGrowthRegression.fit(
      truncated, design: truncated.map(PooledGrowthRegression.featureRows), steps: 2, window: 15, weightPower: 1,
      origins: 0)
    for step in 0..<2 {
      let slid = try #require(fits[5].coefficients[step])
      let direct = try #require(fresh[0].coefficients[step])
      for (a, b) in zip(slid, direct) { #expect(abs(a - b) < 1e-8) }
    }
  }

  @Test("feature rows with sliding maxima equal the features computed one origin at a time")
  func featureRows() {
    var generator = SplitMix64(seed: 11)
    let z = (0..<120).map { _ in Double(generator.below(1000)) / 100 }
    let rows = PooledGrowthRegression.featureRows(z)
    for t in 2..<z.count {
      let direct = PooledGrowthRegression.features(z, at: t)
      #expect(Array(PooledGrowthRegression.features(in: rows, at: t)) == direct, "t = \(t)")
    }
    #expect(PooledGrowthRegression.slidingMaxima([3, 1, 2, 5, 4, 0, 0], window: 2) == [3, 3, 3, 5, 5, 5, 4])
  }

  @Test("the linear solver solves a small system")
  func solver() throws {
    let x = try #require(PooledGrowthRegression.solve([2, 1, 1, 3], [3, 5]))
    #expect(abs(x[0] - 0.8) < 1e-6 && abs(x[1] - 1.4) < 1e-6)
    #expect(PooledGrowthRegression.solve([0, 0, 0, 0], [1, 1]) == nil)
  }

  @Test("conformal offsets are the error quantiles, pooled when a bin has too few")
  func conformal() throws {
    let residuals = (0..<100).map {
      ConformalCalibration.Residual(level: Double($0 % 10), step: 1, error: Double($0 % 21) - 10)
    }
    let calibration = ConformalCalibration(
      residuals: residuals, levels: (0..<12).map(Double.init), bins: 3, steps: 2, minimumCount: 20)
    let offsets = try #require(calibration.offsets(level: 5, step: 1))
    #expect(offsets == offsets.sorted())
    #expect(offsets.first.map { $0 >= -10 } == true && offsets.last.map { $0 <= 10 } == true)
    #expect(calibration.offsets(level: 5, step: 2) == nil)
  }

  @Test("the trends median is the median of the drift lines")
  func trendsMedian() {
    let z: [Double] = [1, 1, 1, 1.2, 1.4, 1.6]
    // Drifts: window 2 → 0.2, window 4 → 0.15, symmetrised → 0, 0; median of lines at step 2.
    let median = TrendsEnsemble.median(last: 1.6, drifts: TrendsEnsemble.drifts(z, windows: [2, 4]), step: 2)
    #expect(abs(median - (1.6 + 2 * 0.075)) < 1e-12)
    // The lines keep the order of the ascending drifts: the median without a sort is the sorted one.
    let drifts = TrendsEnsemble.drifts(z, windows: [2, 3, 4])
    #expect(drifts == drifts.sorted())
    let lines = drifts.map { -0.3 + 3 * $0 }
    #expect(
      TrendsEnsemble.median(last: -0.3, drifts: drifts, step: 3).bitPattern
        == Quantile.median(lines.reversed()).bitPattern)
  }

  @Test("weekday factors average one and weekly totals end at the last day")
  func weekdays() {
    let pattern: [Double] = [1, 2, 2, 2, 2, 2, 1]
    let y = (0..<30).map { pattern[($0 + 5) % 7] * 10 }
    let profile = WeekdayProfile(y)
    #expect(abs(profile.factors.reduce(0, +) - 7) < 1e-9)
    #expect(abs(profile.factors[(28 - 30 + 7 * 5) % 7] - profile.factors[(28 - 23 + 7 * 5) % 7]) < 1e-9)
    let totals = WeekdayProfile.weeklyTotals(y)
    #expect(totals.count == 4 && totals.allSatisfy { $0 == 120 })
  }
}
