import NeuralBrainCore

/// Values by day, kept in an array indexed from the earliest day seen.
///
/// A long-format file has one row per region, metric and date: looking each row's date up in a
/// dictionary hashed every row twice, a fifth of an unchanged rerun of 2,000 weekly regions. The
/// grid indexes an array instead; it grows towards later days by appending and towards earlier
/// ones by doubling its room in front, so rows in any order cost amortised constant time.
struct DayGrid<Element> {
  /// The day of `slots[0]`.
  private var origin = Day(ordinal: 0)
  private var slots: [Element?] = []
  /// The earliest and latest day that holds a value.
  private(set) var first: Day?
  private(set) var last: Day?

  /// The value on `day`, if any.
  subscript(day: Day) -> Element? {
    let index = day - origin
    return slots.indices.contains(index) ? slots[index] : nil
  }

  /// Stores `value` on `day` unless the day holds one already; returns that earlier value, or
  /// nil when `value` was stored.
  @discardableResult
  mutating func insert(_ value: Element, on day: Day) -> Element? {
    if slots.isEmpty { origin = day }
    if day < origin {
      let room = max(origin - day, slots.count)
      slots.insert(contentsOf: repeatElement(nil, count: room), at: 0)
      origin = origin.adding(days: -room)
    }
    let index = day - origin
    while slots.count <= index { slots.append(nil) }
    if let earlier = slots[index] { return earlier }
    slots[index] = value
    first = min(first ?? day, day)
    last = max(last ?? day, day)
    return nil
  }

  /// Every day with a value and its value, earliest first.
  var entries: [(day: Day, value: Element)] {
    guard let first, let last else { return [] }
    return (first - origin...last - origin).compactMap { index in
      slots[index].map { (origin.adding(days: index), $0) }
    }
  }
}
