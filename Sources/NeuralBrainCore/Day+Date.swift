import Foundation

extension Day {
  /// The UTC calendar day that contains `date`.
  public init(containing date: Date) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    self.init(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
  }

  /// Midnight UTC at the start of this day.
  public var startDate: Date { Date(timeIntervalSince1970: Double(ordinal) * 86_400) }
}
