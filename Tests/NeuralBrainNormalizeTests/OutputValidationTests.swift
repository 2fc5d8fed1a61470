import Foundation
import NeuralBrainCore
import NeuralBrainNormalize
import Testing

/// One way a provider output can be wrong, and what the rejection must say.
struct BadOutputCase: Sendable, CustomTestStringConvertible {
  var name: String
  var fragments: [String]
  var targets: ForecastTargets = .init(frequency: .weekly)
  var change: @Sendable (inout [SeriesForecast]) -> Void

  var testDescription: String { name }

  /// Changes step `step` (0-based) of the forecast of `region`/`metric`.
  static func step(
    _ name: String, region: String = "alpha", metric: Metric = .hospitalizations, step: Int = 1,
    fragments: [String], _ edit: @escaping @Sendable (inout HorizonForecast) -> Void
  ) -> BadOutputCase {
    BadOutputCase(name: name, fragments: fragments) { forecasts in
      for index in forecasts.indices where forecasts[index].regionID == region && forecasts[index].metric == metric {
        edit(&forecasts[index].horizons[step])
      }
    }
  }
}

@Suite("Normalizer rejects bad provider output with a message naming where and what")
struct OutputValidationTests {
  static let alphaHospital = ["\"Alpha\" (alpha)", "metric hospital_admissions"]

  static let cases: [BadOutputCase] = [
    BadOutputCase(name: "missing series", fragments: ["\"Alpha\" (alpha)", "metric deaths", "missing"]) {
      $0.removeAll { $0.regionID == "alpha" && $0.metric == .deaths }
    },
    BadOutputCase(name: "unknown series", fragments: ["'gamma'", "metric cases", "no such series"]) {
      if var extra = $0.first {
        extra.regionID = "gamma"
        $0.append(extra)
      }
    },
    BadOutputCase(name: "duplicate series", fragments: ["'beta'", "metric cases", "twice"]) {
      if let beta = $0.first(where: { $0.regionID == "beta" }) { $0.append(beta) }
    },
    BadOutputCase(
      name: "frequency mismatch", fragments: ["targets are daily", "dataset is weekly"],
      targets: .init(frequency: .daily)
    ) { _ in },
    BadOutputCase(name: "wrong reference date", fragments: alphaHospital + ["reference date", "2024-01-13"]) {
      for index in $0.indices where $0[index].regionID == "alpha" && $0[index].metric == .hospitalizations {
        $0[index].referenceDate = TestData.lastObserved
      }
    },
    BadOutputCase(name: "too few horizons", fragments: alphaHospital + ["3 horizons, expected 4"]) {
      for index in $0.indices where $0[index].regionID == "alpha" && $0[index].metric == .hospitalizations {
        $0[index].horizons.removeLast()
      }
    },
    .step("wrong horizon label", fragments: alphaHospital + ["horizon 5 (step 2)", "should be 1"]) {
      $0.horizon = 5
    },
    .step("wrong target end date", fragments: alphaHospital + ["horizon 1 (step 2)", "should be 2024-01-20"]) {
      $0.targetEndDate = $0.targetEndDate.adding(days: 1)
    },
    .step("22 quantiles", fragments: alphaHospital + ["horizon 1", "22 quantiles, expected 23"]) {
      $0.quantiles.removeLast()
    },
    .step("NaN quantile", fragments: alphaHospital + ["horizon 1", "level 0.3", "not a finite number"]) {
      $0.quantiles[7] = .nan
    },
    .step("infinite quantile", fragments: alphaHospital + ["horizon 1", "level 0.99", "not a finite number"]) {
      $0.quantiles[22] = .infinity
    },
    .step(
      "negative quantile", region: "beta", metric: .cases, step: 0,
      fragments: ["\"Beta\" (beta)", "metric cases", "horizon 0", "level 0.01", "negative"]
    ) {
      $0.quantiles[0] = -1
    },
    .step(
      "non-monotone quantiles", step: 3,
      fragments: alphaHospital + ["horizon 3", "level 0.55", "below the one at level 0.5", "non-decreasing"]
    ) {
      $0.quantiles[12] = $0.quantiles[11] - 1
    },
    .step(
      "median above the sanity cap", step: 2,
      fragments: alphaHospital + ["horizon 2", "sanity cap 200"]
    ) {
      $0.quantiles = TestData.quantiles(median: 1000)
    },
  ]

  @Test("each bad output is rejected, naming region, metric and horizon", arguments: cases)
  func rejects(_ bad: BadOutputCase) throws {
    let (dataset, output, _) = TestData.weekly()
    var forecasts = output.forecasts
    bad.change(&forecasts)
    let broken = TestData.output(forecasts)
    let error = #expect(throws: NormalizeError.self) {
      try Normalizer().normalize(broken, dataset: dataset, targets: bad.targets, run: TestData.run())
    }
    guard case .invalidOutput(let provider, let message) = try #require(error) else { return }
    #expect(provider == "local")
    for fragment in bad.fragments {
      #expect(message.contains(fragment), "\(message) should mention \(fragment)")
    }
  }

  @Test("the error says what to do and exits with 65 (bad input data)")
  func errorDescription() {
    let error = NormalizeError.invalidOutput(provider: "openai", message: "region \"X\" (x): broken")
    #expect(error.exitStatus == .dataError)
    #expect(error.exitStatus.rawValue == 65)
    let text = error.errorDescription ?? ""
    #expect(text.contains("openai"))
    #expect(text.contains("region \"X\" (x): broken"))
    #expect(text.contains("fall back"))
  }

  @Test("a region with no series is rejected rather than published empty")
  func regionWithoutSeries() throws {
    let (original, output, targets) = TestData.weekly()
    var dataset = original
    dataset.regions.append(Region(id: "gamma", code: "GA", name: "Gamma"))
    let error = #expect(throws: NormalizeError.self) {
      try Normalizer().normalize(output, dataset: dataset, targets: targets, run: TestData.run())
    }
    #expect(error?.errorDescription?.contains("\"Gamma\" (gamma)") == true)
  }

  @Test("a median just at the sanity cap is accepted")
  func medianAtCap() throws {
    let (dataset, output, targets) = TestData.weekly()
    var forecasts = output.forecasts
    for index in forecasts.indices
    where forecasts[index].regionID == "alpha" && forecasts[index].metric == .hospitalizations {
      forecasts[index].horizons[0].quantiles = TestData.quantiles(median: 200, spread: 0)
    }
    let published = try Normalizer().normalize(
      TestData.output(forecasts), dataset: dataset, targets: targets, run: TestData.run())
    #expect(published.count == 2)
  }
}
