import NeuralBrainCore

/// The simulator as an ingest adapter, so `SourceFactory` can return it like any other source.
extension DemoSource: DataSource {
  public func load() async throws(IngestError) -> Dataset { dataset() }

  /// The simulation's parameters: its data set depends on nothing else.
  public func inputFingerprint() async throws(IngestError) -> String? {
    "demo regions=\(regions) seed=\(seed) days=\(days) day=\(Day(containing: now).iso)"
  }
}
