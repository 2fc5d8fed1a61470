import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline

/// `neuralbrain audit`: the persistent trail of lock and run events, newest first.
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: "Show the audit trail of provider-lock and run events, newest first.")

  @OptionGroup var global: GlobalOptions

  @Option(name: .long, help: "How many events to show.")
  var limit: Int = 50

  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false

  func validate() throws {
    guard limit > 0 else { throw ValidationError("--limit must be positive") }
  }

  func run() async throws {
    try await withWorkspace(global) { workspace in
      let events = try workspace.auditEvents(limit: limit)
      if json {
        print(try CommandJSON.encode(events))
        return
      }
      for event in events {
        let details = event.details.keys.sorted().map { "\($0)=\(event.details[$0]!)" }.joined(separator: " ")
        print(
          [CommandJSON.iso(event.time), event.type.rawValue, event.provider ?? "-", event.runID ?? "-", details]
            .joined(separator: "  "))
      }
    }
  }
}
