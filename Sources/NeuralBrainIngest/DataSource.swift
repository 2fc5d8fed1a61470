import NeuralBrainCore

/// One ingest adapter.
///
/// An adapter reads one kind of input (a file format or an API) and produces a `Dataset` of
/// incident series with provenance. It never writes anything, so a failed load leaves the
/// previously published site untouched.
public protocol DataSource: Sendable {
  func load() async throws(IngestError) -> Dataset

  /// A digest of everything `load` would read, taken without parsing it; nil when the source
  /// cannot take one more cheaply than it loads.
  ///
  /// `load` is a pure function of these bytes, the source's options, the program's build and
  /// the run's UTC day, so a rerun whose fingerprint and settings match the live release's can
  /// publish that release again without parsing the input (docs/architecture.md, "Unchanged
  /// reruns").
  func inputFingerprint() async throws(IngestError) -> String?
}

extension DataSource {
  public func inputFingerprint() async throws(IngestError) -> String? { nil }
}
