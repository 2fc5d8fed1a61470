import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline

/// `neuralbrain health`: probe every provider's cheap health endpoint.
struct HealthCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "health",
    abstract: "Probe every configured provider (model list / whoami; never a paid completion).",
    discussion:
      "Results are recorded; N consecutive healthy checks of a higher-priority provider promote it at the next run.")

  @OptionGroup var global: GlobalOptions

  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false

  func run() async throws {
    try await withWorkspace(global) { workspace in
      let results = try await workspace.checkHealth()
      if json {
        print(try CommandJSON.encode(results))
        return
      }
      for result in results { print(result.line) }
    }
  }
}
