import NeuralBrainCore

/// Turns cumulative counts into incident counts and settles negative increments (downward
/// corrections) by the configured `CorrectionPolicy`, noting every change it makes.
struct CorrectionEngine: Sendable {
  let policy: CorrectionPolicy

  /// One regular series being converted.
  struct Series {
    var regionID: String
    var metric: Metric
    var start: Day
    var step: Int
    var values: [Double?]
  }

  /// Differences of a cumulative series on a regular grid. The result starts one step after
  /// `series.start` (the first cumulative value has no predecessor); a value after a gap
  /// carries the whole increase since the last known value and is noted. Negative
  /// differences are then settled by `settle`.
  func incident(fromCumulative series: Series) -> (series: Series, notes: [IngestNote]) {
    var out = Series(
      regionID: series.regionID, metric: series.metric, start: series.start.adding(days: series.step),
      step: series.step, values: [Double?](repeating: nil, count: max(series.values.count - 1, 0)))
    var notes: [IngestNote] = []
    var previous: (index: Int, value: Double)?
    for (index, value) in series.values.enumerated() {
      guard let value else { continue }
      if let previous {
        out.values[index - 1] = value - previous.value
        if index - previous.index > 1 {
          let missing = index - previous.index - 1
          notes.append(
            IngestNote(
              regionID: series.regionID, metric: series.metric, date: out.date(index - 1),
              message:
                "cumulative count missing on the \(missing) preceding report date(s); the increase over the gap is recorded on this date"
            ))
        }
      }
      previous = (index, value)
    }
    notes += settle(&out)
    return (out, notes)
  }

  /// Replaces negative values with 0 according to the policy and returns the notes.
  func settle(_ series: inout Series) -> [IngestNote] {
    var notes: [IngestNote] = []
    var corrections = 0
    var totalDrop = 0.0
    var firstDate: Day?
    for index in series.values.indices {
      guard let value = series.values[index], value < 0 else { continue }
      let drop = -value
      series.values[index] = 0
      let date = series.date(index)
      switch policy {
      case .report:
        notes.append(
          note(
            series, date, "downward correction of \(Self.format(drop)): recorded 0 for this date (corrections = report)"
          ))
      case .spread:
        let absorbed = spread(drop, before: index, in: &series)
        let rest = drop - absorbed
        let tail = rest > 0 ? "; \(Self.format(rest)) could not be absorbed because earlier counts were too small" : ""
        notes.append(
          note(
            series, date,
            "downward correction of \(Self.format(drop)): recorded 0 for this date and removed \(Self.format(absorbed)) from earlier dates in proportion (corrections = spread)\(tail)"
          ))
      case .zero:
        corrections += 1
        totalDrop += drop
        firstDate = firstDate ?? date
      }
    }
    if let firstDate {
      notes.append(
        note(
          series, firstDate,
          "\(corrections) downward correction(s) totalling \(Self.format(totalDrop)) from this date on were recorded as 0 (corrections = zero)"
        ))
    }
    return notes
  }

  /// Scales the values before `index` down so they lose `drop` in total (or all they have).
  private func spread(_ drop: Double, before index: Int, in series: inout Series) -> Double {
    let available = series.values[..<index].reduce(0.0) { $0 + max($1 ?? 0, 0) }
    guard available > 0 else { return 0 }
    let absorbed = min(drop, available)
    let keep = 1 - absorbed / available
    for earlier in 0..<index {
      if let value = series.values[earlier] { series.values[earlier] = value * keep }
    }
    return absorbed
  }

  private func note(_ series: Series, _ date: Day, _ message: String) -> IngestNote {
    IngestNote(regionID: series.regionID, metric: series.metric, date: date, message: message)
  }

  /// Counts print without a fractional part when they have none.
  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}

extension CorrectionEngine.Series {
  func date(_ index: Int) -> Day { start.adding(days: index * step) }
}
