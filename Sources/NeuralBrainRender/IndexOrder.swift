import NeuralBrainCore

/// An order of the overview's region table. Each order is its own server-rendered page, so
/// sorting works without JavaScript; the site script re-sorts in place from the ranks each row
/// carries, so both ways give the same order.
public enum IndexOrder: String, Sendable, CaseIterable {
  case name
  case risk
  case incidence
  case growth

  /// The page of this order, at the site root.
  var path: String { self == .name ? "index.html" : "index-\(rawValue).html" }

  /// The sort link's words.
  var label: String {
    switch self {
    case .name: "Name"
    case .risk: "Risk"
    case .incidence: "Incidence per 100k"
    case .growth: "Growth"
    }
  }

  /// How the table caption states the order.
  var caption: String {
    switch self {
    case .name: "sorted by region name"
    case .risk: "sorted by risk score, highest first"
    case .incidence:
      "sorted by incidence per 100,000 people in the last week, highest first; regions without a population last"
    case .growth: "sorted by weekly growth rate, fastest rise first"
    }
  }

  /// `regions` (forecast and id pairs) in this order: the key descending, ties and missing
  /// keys by name, then id, so every order is total and the same on every run.
  func sorted(_ regions: [(ForecastData, String)]) -> [(ForecastData, String)] {
    let byName: ((ForecastData, String), (ForecastData, String)) -> Bool = { a, b in
      (a.0.region, a.1) < (b.0.region, b.1)
    }
    guard let key = key else { return regions.sorted(by: byName) }
    return regions.sorted { a, b in
      switch (key(a.0), key(b.0)) {
      case let (x?, y?) where x != y: x > y
      case (.some, nil): true
      case (nil, .some): false
      default: byName(a, b)
      }
    }
  }

  private var key: ((ForecastData) -> Double?)? {
    switch self {
    case .name: nil
    case .risk: { $0.riskScore }
    case .incidence: { $0.incidencePer100k }
    case .growth: { $0.growthRate }
    }
  }
}
