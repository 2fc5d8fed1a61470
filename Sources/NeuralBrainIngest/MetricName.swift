import NeuralBrainCore

/// Metric names as users and sources write them, mapped to `Metric`.
public enum MetricName {
  /// `cases`, `deaths`, `hospital_admissions` or `hospitalizations` (case-insensitive).
  public static func parse(_ text: String) -> Metric? {
    switch text.lowercased() {
    case "cases": .cases
    case "deaths": .deaths
    case "hospital_admissions", "hospitalizations": .hospitalizations
    default: nil
    }
  }
}
