/// What ingest does when a cumulative count goes down (a data correction), or when a source
/// that reports incident counts publishes a negative one.
///
/// Incidence is never negative: every policy records a downward correction as 0 for its date
/// and leaves an `IngestNote`, so published pages can say what was changed.
public enum CorrectionPolicy: String, CaseIterable, Codable, Hashable, Sendable {
  /// The drop becomes 0 incidence, and one note per correction explains it. The default.
  case report
  /// The drop becomes 0 incidence and is removed from the preceding dates of the same series,
  /// in proportion to their counts and never below 0, so totals are preserved; one note per
  /// correction.
  case spread
  /// The drop becomes 0 incidence; one summary note per series counts the corrections.
  case zero
}
