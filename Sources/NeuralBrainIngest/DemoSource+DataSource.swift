import NeuralBrainCore

/// The simulator as an ingest adapter, so `SourceFactory` can return it like any other source.
extension DemoSource: DataSource {
  public func load() async throws(IngestError) -> Dataset { dataset() }
}
