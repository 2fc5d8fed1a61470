/// How a fan chart maps values to heights. Linear shows sizes in proportion; logarithmic shows
/// growth as a slope, so a summer trough and a winter peak, or a small region next to a large one,
/// are both readable.
public enum ValueAxis: String, Sendable, CaseIterable {
  case linear
  case log
}
