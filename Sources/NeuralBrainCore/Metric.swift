/// What a series counts.
public enum Metric: String, CaseIterable, Codable, Sendable, Comparable {
  case cases
  case deaths
  case hospitalizations = "hospital_admissions"

  /// Human label for pages and emails.
  public var displayName: String {
    switch self {
    case .cases: "Cases"
    case .deaths: "Deaths"
    case .hospitalizations: "Hospital admissions"
    }
  }

  /// The hubverse `target` name for an incident forecast of this metric at a frequency,
  /// e.g. `wk inc flu hosp` style names become `wk inc hospital_admissions`.
  public func hubTarget(_ frequency: Frequency) -> String {
    (frequency == .weekly ? "wk" : "day") + " inc " + rawValue
  }

  public static func < (lhs: Metric, rhs: Metric) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// How often a series is reported.
public enum Frequency: String, Codable, Sendable {
  case daily
  case weekly

  /// Days between two consecutive values.
  public var days: Int { self == .daily ? 1 : 7 }
}
