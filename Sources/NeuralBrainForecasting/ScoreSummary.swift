import NeuralBrainCore

/// Aggregate skill of one model over a backtest, overall and per horizon.
///
/// This is what the forecast-skill page shows: mean WIS, median error, interval coverage and
/// relative WIS against the baseline on the forecasts all models share.
@dynamicMemberLookup
public struct ScoreSummary: Sendable, Hashable, Codable {
  /// Aggregates of one slice (one horizon, or everything).
  public struct Slice: Sendable, Hashable, Codable {
    public var count: Int
    public var meanWIS: Double
    public var meanAbsoluteError: Double
    public var coverage50: Double
    public var coverage95: Double
    /// Pairwise relative WIS against the baseline; `nil` without a baseline to compare with.
    public var relativeWIS: Double?

    public init(
      count: Int, meanWIS: Double, meanAbsoluteError: Double, coverage50: Double, coverage95: Double,
      relativeWIS: Double?
    ) {
      self.count = count
      self.meanWIS = meanWIS
      self.meanAbsoluteError = meanAbsoluteError
      self.coverage50 = coverage50
      self.coverage95 = coverage95
      self.relativeWIS = relativeWIS
    }

    /// Means over `forecasts`; zeros when empty.
    public init(_ forecasts: [ScoredForecast], relativeWIS: Double?) {
      let n = Double(max(forecasts.count, 1))
      self.init(
        count: forecasts.count,
        meanWIS: forecasts.reduce(0) { $0 + $1.wis } / n,
        meanAbsoluteError: forecasts.reduce(0) { $0 + $1.absoluteError } / n,
        coverage50: Double(forecasts.count { $0.covered50 }) / n,
        coverage95: Double(forecasts.count { $0.covered95 }) / n,
        relativeWIS: relativeWIS)
    }
  }

  /// Explicit keys of the fields beside the overall slice, whose own keys sit in the same object.
  enum CodingKeys: String, CodingKey {
    case model
    case byHorizon
  }

  public var model: String
  /// The aggregates over every horizon; read through as `summary.meanWIS`, `summary.relativeWIS`, ….
  public var overall: Slice
  /// The same aggregates per hub horizon.
  public var byHorizon: [Int: Slice]

  public init(model: String, overall: Slice, byHorizon: [Int: Slice]) {
    self.model = model
    self.overall = overall
    self.byHorizon = byHorizon
  }

  /// An aggregate over every horizon, e.g. `summary.relativeWIS` for `summary.overall.relativeWIS`.
  public subscript<Value>(dynamicMember keyPath: KeyPath<Slice, Value>) -> Value { overall[keyPath: keyPath] }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    model = try container.decode(String.self, forKey: .model)
    byHorizon = try container.decode([Int: Slice].self, forKey: .byHorizon)
    overall = try Slice(from: decoder)
  }

  /// One flat object: the model, the overall aggregates and the per-horizon slices side by side.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(model, forKey: .model)
    try container.encode(byHorizon, forKey: .byHorizon)
    try overall.encode(to: encoder)
  }
}
