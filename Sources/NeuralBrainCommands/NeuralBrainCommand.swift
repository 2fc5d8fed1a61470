import ArgumentParser

/// The `neuralbrain` command: a scheduled batch job that publishes epidemic forecasts.
public struct NeuralBrainCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "neuralbrain",
    abstract: "Publish probabilistic epidemic forecasts as a static site.",
    discussion: """
      Each run ingests epidemic statistics, forecasts them with exactly one provider chosen \
      through a persistent lock with failover, and publishes HTML, SVG, JSON and CSV files \
      atomically into the output directory.

      Exit status (sysexits): 0 ok, 64 usage, 65 bad input data, 69 source unavailable, \
      73/74 output or I/O error, 75 temporary failure (retry later), 78 configuration error.
      """,
    version: "0.1.0",
    subcommands: [
      RunCommand.self, ScheduleCommand.self, StatusCommand.self, LockCommand.self, AuditCommand.self,
      HealthCommand.self,
      BacktestCommand.self, EmailCommand.self,
    ])

  public init() {}
}

extension NeuralBrainCommand {
  /// Parses the process arguments and runs the chosen command: the executable's one line.
  public static func start() async { await main() }
}
