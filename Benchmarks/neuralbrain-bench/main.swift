// Release-mode benchmarks: `swift run -c release neuralbrain-bench [--data ../shared/data]
// [--forecaster-only]` (the second stops after the local forecaster's line: for profiling it, and
// for its per-core rate under `taskset -c 0`).
// Prints a Markdown table; the numbers go to docs/performance.md. Timings are never asserted.
import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment
import NeuralBrainForecasting
import NeuralBrainIngest

let arguments = CommandLine.arguments
let dataRoot = arguments.firstIndex(of: "--data").map { arguments[$0 + 1] } ?? "../shared/data"
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// User and system CPU seconds this process has used so far, on every core.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  func total(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
  return total(usage.ru_utime) + total(usage.ru_stime)
}

/// Median wall time of `repeats` runs of `body`.
func measure(_ repeats: Int, _ body: () async throws -> Void) async rethrows -> Double {
  var times: [Double] = []
  for _ in 0..<repeats {
    let start = clock.now
    try await body()
    times.append(seconds(clock.now - start))
  }
  return times.sorted()[times.count / 2]
}

/// Weekly series with a seasonal wave, a trend and noise, like hub target data.
func syntheticWeekly(count: Int, length: Int) -> [[Double]] {
  var generator = SplitMix64(seed: 1)
  return (0..<count).map { _ in
    let level = exp(2 + generator.nextUnit() * 6)
    let peak = generator.nextUnit() * Double(length)
    return (0..<length).map { week in
      let wave = exp(-0.5 * pow((Double(week) - peak) / 6, 2)) * 4
      return max(0, (level * (1 + wave) * exp(0.2 * generator.nextGaussian())).rounded())
    }
  }
}

print("| benchmark | result |")
print("|---|---|")

let series = syntheticWeekly(count: 5_000, length: 156)
let forecaster = LocalForecaster()
// The forecaster spreads its series over every core: wall time, and CPU time for the per-core rate.
let cpuBefore = cpuSeconds()
let forecastTime = await measure(3) { _ = forecaster.forecast(series, frequency: .weekly, steps: 4, seed: 1) }
let forecastCPU = (cpuSeconds() - cpuBefore) / 3
print(
  "| local forecaster, 5,000 weekly series × 156 points, 4 steps × 23 quantiles incl. calibration, "
    + "\(ProcessInfo.processInfo.activeProcessorCount) cores | \(String(format: "%.2f", forecastTime)) s wall = "
    + "\(Int(Double(series.count) / forecastTime)) series/s; \(String(format: "%.2f", forecastCPU)) CPU s = "
    + "\(Int(Double(series.count) / forecastCPU)) series/s per core |"
)
if arguments.contains("--forecaster-only") { exit(0) }

let baselineTime = await measure(3) {
  for values in series.prefix(1_000) { _ = FluSightBaseline.flusightBaseline(values, steps: 4, seed: 1) }
}
print(
  "| FluSight baseline (10,000 draws), 1,000 series | \(String(format: "%.2f", baselineTime)) s = \(Int(1_000 / baselineTime)) series/s |"
)

let hashed = [UInt8](repeating: 0x61, count: 1 << 26)
for accelerated in [true, false] {
  let time = await measure(3) {
    var hasher = SHA256Hasher(accelerated: accelerated)
    for _ in 0..<4 { hasher.update(hashed) }
    _ = hasher.finalize()
  }
  print(
    "| SHA-256 of 256 MiB, \(accelerated ? "on the CPU's SHA extensions where it has them" : "Swift rounds") "
      + "| \(String(format: "%.2f", time)) s = \(Int(256 / time)) MiB/s |")
}

let now = Date(timeIntervalSince1970: 1_796_000_000)
let demoTime = await measure(3) { _ = DemoSource(regions: 10_000, seed: 42, now: now).dataset() }
print("| demo simulator, 10,000 regions × 210 days × 2 metrics | \(String(format: "%.2f", demoTime)) s |")

/// Ingest of the real JHU and FluSight files, through the live environment's file system.
func measureIngest(environment: RunEnvironment) async throws {
  var options = SourceOptions(kind: .jhu)
  options.inputs = [confirmed, deaths]
  let source = try SourceFactory.make(options, environment: environment, now: now)
  let jhuTime = try await measure(7) { _ = try await source.load() }
  print(
    "| JHU CSSE global ingest (confirmed + deaths, 289 rows × 1,143 dates each → 201 countries) | \(String(format: "%.1f", jhuTime * 1000)) ms |"
  )
  let hub = dataRoot + "/flusight/FluSight-forecast-hub/target-data/target-hospital-admissions.csv"
  var hubOptions = SourceOptions(kind: .hub)
  hubOptions.inputs = [hub]
  let hubSource = try SourceFactory.make(hubOptions, environment: environment, now: now)
  let hubTime = try await measure(7) { _ = try await hubSource.load() }
  print("| FluSight target-data ingest (53 locations × 230 weeks) | \(String(format: "%.1f", hubTime * 1000)) ms |")
}

let confirmed = dataRoot + "/covid19/jhu-csse/time_series_covid19_confirmed_global.csv"
let deaths = dataRoot + "/covid19/jhu-csse/time_series_covid19_deaths_global.csv"
if FileManager.default.fileExists(atPath: confirmed) {
  try await RunEnvironment.withLive { try await measureIngest(environment: $0) }
} else {
  print("| JHU / FluSight ingest | skipped: \(dataRoot) is absent |")
}
