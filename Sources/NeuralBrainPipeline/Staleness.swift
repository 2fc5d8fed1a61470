import Foundation
import NeuralBrainCore

/// Decides whether a data set is too old to present without a warning.
public enum Staleness {
  /// Days after which data count as stale: 3 for daily data, 14 for weekly (one missed report).
  public static func threshold(for frequency: Frequency) -> Int { frequency == .daily ? 3 : 14 }

  public static func isStale(dataset: Dataset, now: Date, afterDays: Int?) -> Bool {
    return Day(containing: now) - dataset.provenance.dataAsOf > (afterDays ?? threshold(for: dataset.frequency))
  }
}
