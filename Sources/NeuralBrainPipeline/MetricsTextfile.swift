import Foundation
import NeuralBrainEnvironment

/// Writes the Prometheus textfile-collector metrics of the last run, atomically.
///
/// node_exporter reads `<state-dir>/neuralbrain.prom`; alert on the age of
/// `neuralbrain_last_success_timestamp_seconds`.
enum MetricsTextfile {
  struct Sample {
    var success: Bool
    var finishedAt: Date
    var exitCode: Int32
    var durations: [(step: String, seconds: Double)]
    var provider: String?
    var model: String?
    var fallbackUsed: Bool
    var regions: Int
    var previousSuccess: Double?
  }

  static func write(_ sample: Sample, stateDirectory: URL, fileSystem: any FileSystem) {
    var lines: [String] = []
    func metric(_ name: String, _ help: String, _ type: String = "gauge", _ values: [(String, Double)]) {
      lines.append("# HELP \(name) \(help)")
      lines.append("# TYPE \(name) \(type)")
      for (labels, value) in values { lines.append("\(name)\(labels) \(format(value))") }
    }
    let lastSuccess = sample.success ? sample.finishedAt.timeIntervalSince1970 : sample.previousSuccess
    if let lastSuccess {
      metric(
        "neuralbrain_last_success_timestamp_seconds", "Unix time of the last run that published a release.", "gauge",
        [("", lastSuccess)])
    }
    metric(
      "neuralbrain_last_run_timestamp_seconds", "Unix time the last run finished.", "gauge",
      [("", sample.finishedAt.timeIntervalSince1970)])
    metric(
      "neuralbrain_last_exit_code", "Exit status of the last run (sysexits).", "gauge", [("", Double(sample.exitCode))])
    metric(
      "neuralbrain_stage_duration_seconds", "Seconds spent in each stage of the last run.", "gauge",
      sample.durations.map { ("{stage=\"\($0.step)\"}", $0.seconds) })
    metric(
      "neuralbrain_regions_published", "Regions in the last published release.", "gauge", [("", Double(sample.regions))]
    )
    metric(
      "neuralbrain_fallback_used", "1 when the last run fell back to a lower-priority provider.", "gauge",
      [("", sample.fallbackUsed ? 1 : 0)])
    if let provider = sample.provider, let model = sample.model {
      metric(
        "neuralbrain_provider_info", "The provider and model of the last run.", "gauge",
        [("{provider=\"\(escape(provider))\",model=\"\(escape(model))\"}", 1)])
    }
    // A metrics file that cannot be written must not fail the run it describes.
    try? fileSystem.replace(
      stateDirectory.appendingPathComponent("neuralbrain.prom"),
      bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
  }

  /// Reads the last success time from an existing file, to keep it across failed runs.
  static func previousSuccess(stateDirectory: URL, fileSystem: any FileSystem) -> Double? {
    let url = stateDirectory.appendingPathComponent("neuralbrain.prom")
    guard let data = try? fileSystem.contents(of: url) else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    for line in text.split(separator: "\n") where line.hasPrefix("neuralbrain_last_success_timestamp_seconds ") {
      return Double(line.split(separator: " ").last ?? "")
    }
    return nil
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  static func escape(_ label: String) -> String {
    label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
  }
}
