import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline
import NeuralBrainProviders

/// `neuralbrain health`: probe every provider's cheap health endpoint.
struct HealthCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "health",
    abstract: "Probe every configured provider (model list / whoami; never a paid completion).",
    discussion: "Results are recorded; N consecutive healthy checks of a higher-priority provider promote it at the next run.")

  @OptionGroup var global: GlobalOptions

  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let file = try global.loadConfiguration()
      let monitor = HealthMonitor(
        providers: file.providers, environment: ProcessInfo.processInfo.environment,
        database: try global.openDatabase(file))
      let results: [ProviderHealth]
      do {
        results = try await monitor.check()
      } catch {
        throw CommandFailure(error)
      }
      if json {
        print(try CommandJSON.encode(results))
        return
      }
      for result in results {
        if let status = result.status {
          let latency = status.latencyMilliseconds.map { " \($0) ms" } ?? ""
          let failure = status.failure.map { " — \($0.description)" } ?? ""
          print("\(result.name): \(status.healthy ? "healthy" : "UNHEALTHY")\(latency)\(failure)")
        } else {
          print("\(result.name): unconfigured — \(result.unconfiguredReason ?? "")")
        }
      }
    }
  }
}
