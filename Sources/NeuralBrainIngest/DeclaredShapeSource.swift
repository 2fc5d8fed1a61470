import NeuralBrainCore

/// Applies what the `[source]` table declares about the data, whatever the source reads: keeps
/// only the `metrics` named, and checks the `frequency` the dates show against the declared one.
struct DeclaredShapeSource: DataSource {
  let inner: any DataSource
  let metrics: Set<Metric>?
  let frequency: Frequency?

  func inputFingerprint() async throws(IngestError) -> String? { try await inner.inputFingerprint() }

  func load() async throws(IngestError) -> Dataset {
    var dataset = try await inner.load()
    if let frequency, dataset.frequency != frequency {
      throw .invalidOption(
        key: "frequency",
        detail: "declared \(frequency.rawValue), but the dates of the input are \(dataset.frequency.rawValue)")
    }
    guard let metrics else { return dataset }
    dataset.series.removeAll { !metrics.contains($0.metric) }
    dataset.notes.removeAll { !metrics.contains($0.metric) }
    guard !dataset.series.isEmpty else {
      throw .invalidOption(
        key: "metrics",
        detail: "the source has none of \(metrics.map(\.rawValue).sorted().joined(separator: ", "))")
    }
    let kept = Set(dataset.series.map(\.region.id))
    dataset.regions.removeAll { !kept.contains($0.id) }
    return dataset
  }
}
