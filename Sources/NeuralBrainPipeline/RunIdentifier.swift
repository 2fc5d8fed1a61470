import Foundation
import NeuralBrainStore

/// Run ids: the run's UTC time as a sortable slug, e.g. `20261129t064500z`.
///
/// They name release directories, so they sort in time order and are safe path components.
/// A second run in the same second gets a `-2` suffix.
enum RunIdentifier {
  static func make(now: Date, existing: Set<String>) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
    func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
    let base =
      String(format: "%04d", parts.year ?? 0) + two(parts.month) + two(parts.day) + "t"
      + two(parts.hour) + two(parts.minute) + two(parts.second) + "z"
    var candidate = base
    var suffix = 2
    while existing.contains(candidate) {
      candidate = "\(base)-\(suffix)"
      suffix += 1
    }
    return candidate
  }
}
