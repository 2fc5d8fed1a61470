import ArgumentParser
import Foundation
import NeuralBrainCore
import NeuralBrainPipeline

/// `neuralbrain lock`: show or change the persistent provider lock by hand (audited).
struct LockCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lock", abstract: "Show or change the provider lock.",
    subcommands: [Show.self, Acquire.self, Release.self], defaultSubcommand: Show.self)

  /// `lock show`.
  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the locked provider.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
      try await withWorkspace(global) { workspace in
        let lock = try workspace.lock()
        if json {
          print(try CommandJSON.encode(lock))
        } else if let lock {
          let failure = lock.lastFailureClass.map { ", last failure \($0.rawValue)" } ?? ""
          print(
            "\(lock.provider) (since \(CommandJSON.iso(lock.acquiredAt)), \(lock.consecutiveFailures) consecutive failures\(failure))"
          )
        } else {
          print("no provider locked yet; the next run locks the first configured provider")
        }
      }
    }
  }

  /// `lock acquire NAME`.
  struct Acquire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lock a provider by hand.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The provider to lock; one of the names in [providers] order.")
    var name: String

    @Option(name: .long, help: "Why, for the audit trail.")
    var reason: String = "manual acquire"

    func run() async throws {
      try await withWorkspace(global) { workspace in
        try workspace.changeLock(.acquire(provider: name, reason: reason))
        print("locked \(name)")
      }
    }
  }

  /// `lock release --reason TEXT`.
  struct Release: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Release the lock; the next run starts again from the top of the order.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Why, for the audit trail (required).")
    var reason: String

    func run() async throws {
      try await withWorkspace(global) { workspace in
        try workspace.changeLock(.release(reason: reason))
        print("released the lock")
      }
    }
  }
}
