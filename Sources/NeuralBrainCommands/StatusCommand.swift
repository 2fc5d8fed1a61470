import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline

/// `neuralbrain status`: is the site fresh, which provider is locked, how did recent runs end.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Show the live release, the provider lock and the last runs.")

  @OptionGroup var global: GlobalOptions

  @Option(
    name: .long,
    help: "Output directory whose live release to report (default: where the last successful run published).")
  var output: String?

  @Flag(name: .long, help: "Print JSON instead of text.")
  var json = false

  func run() async throws {
    try await withWorkspace(global, output: output) { workspace in
      let report = try workspace.status(followingLastRun: output == nil)
      print(json ? try CommandJSON.encode(report) : report.lines.joined(separator: "\n"))
    }
  }
}
