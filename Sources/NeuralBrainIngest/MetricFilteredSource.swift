import NeuralBrainCore

/// Keeps only the metrics the `[source] metrics` key names, whatever the source reads.
struct MetricFilteredSource: DataSource {
  let inner: any DataSource
  let metrics: Set<Metric>

  func load() async throws(IngestError) -> Dataset {
    var dataset = try await inner.load()
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
