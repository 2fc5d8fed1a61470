import NeuralBrainCore

/// One ingest adapter.
///
/// An adapter reads one kind of input (a file format or an API) and produces a `Dataset` of
/// incident series with provenance. It never writes anything, so a failed load leaves the
/// previously published site untouched.
public protocol DataSource: Sendable {
  func load() async throws(IngestError) -> Dataset
}
