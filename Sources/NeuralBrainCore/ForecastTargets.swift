/// What to forecast: which steps ahead and how the hubs label them.
///
/// Weekly data follow the hubs: the reference date is one week after the last observation and
/// horizons 0…3 end 1…4 weeks after it. Daily data use horizons 1…H days after the last
/// observation.
public struct ForecastTargets: Hashable, Codable, Sendable {
  public var frequency: Frequency
  /// Number of steps ahead of the last observation (4 weekly, 28 daily by default).
  public var steps: Int

  public init(frequency: Frequency, steps: Int? = nil) {
    self.frequency = frequency
    self.steps = steps ?? (frequency == .weekly ? 4 : 28)
  }

  /// The hub horizon label of `step` (1-based steps ahead).
  public func horizon(ofStep step: Int) -> Int { frequency == .weekly ? step - 1 : step }

  /// The hub reference date for data whose last observation is `lastObserved`.
  public func referenceDate(lastObserved: Day) -> Day {
    frequency == .weekly ? lastObserved.adding(days: 7) : lastObserved
  }

  /// The end date of `step`.
  public func targetEndDate(lastObserved: Day, step: Int) -> Day {
    lastObserved.adding(days: step * frequency.days)
  }
}
