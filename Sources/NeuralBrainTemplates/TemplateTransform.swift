/// The transforms swift-mustache applies to a value, `{{uppercased(name)}}`, with its names and
/// results, on `TemplateData` instead of casts of `Any`.
///
/// A transform that does not apply to the value (or an unknown name) yields nil, which renders
/// nothing and counts as false, as in swift-mustache.
enum TemplateTransform: Sendable {
  case empty, capitalized, lowercased, uppercased, reversed
  case first, last, count, sorted, enumerated
  case equalZero, plusOne, minusOne, even, odd
  case index
  case unknown

  init(name: String) {
    switch name {
    case "empty": self = .empty
    case "capitalized": self = .capitalized
    case "lowercased": self = .lowercased
    case "uppercased": self = .uppercased
    case "reversed": self = .reversed
    case "first": self = .first
    case "last": self = .last
    case "count": self = .count
    case "sorted": self = .sorted
    case "enumerated": self = .enumerated
    case "equalzero": self = .equalZero
    case "plusone": self = .plusOne
    case "minusone": self = .minusOne
    case "even": self = .even
    case "odd": self = .odd
    case "index": self = .index
    default: self = .unknown
    }
  }

  /// The transform of a value found by name.
  func apply(to value: TemplateData) -> TemplateData? {
    switch value {
    case .text(let text): apply(toText: text)
    case .integer(let number): apply(toInteger: number)
    case .list(let items): apply(toList: items)
    case .object(let fields): apply(toObject: fields)
    case .double, .bool, .null: nil
    }
  }

  /// The transform of the position in a list (`{{#first()}}`, `{{index()}}`).
  func apply(to position: SequencePosition) -> TemplateData? {
    switch self {
    case .first: .bool(position.isFirst)
    case .last: .bool(position.isLast)
    case .index: .integer(position.index)
    case .even: .bool(position.index & 1 == 0)
    case .odd: .bool(position.index & 1 == 1)
    default: nil
    }
  }

  private func apply(toText text: String) -> TemplateData? {
    switch self {
    case .empty: .bool(text.isEmpty)
    case .capitalized: .text(Self.titleCased(text))
    case .lowercased: .text(text.lowercased())
    case .uppercased: .text(text.uppercased())
    case .reversed: .text(String(text.reversed()))
    default: nil
    }
  }

  private func apply(toInteger number: Int) -> TemplateData? {
    switch self {
    case .equalZero: return .bool(number == 0)
    case .plusOne:
      let (sum, overflow) = number.addingReportingOverflow(1)
      return overflow ? nil : .integer(sum)
    case .minusOne:
      let (difference, overflow) = number.subtractingReportingOverflow(1)
      return overflow ? nil : .integer(difference)
    case .even: return .bool(number & 1 == 0)
    case .odd: return .bool(number & 1 == 1)
    default: return nil
    }
  }

  private func apply(toList items: [TemplateData]) -> TemplateData? {
    switch self {
    case .first: return items.first.flatMap(Self.present)
    case .last: return items.last.flatMap(Self.present)
    case .reversed: return .list(items.reversed())
    case .count: return .integer(items.count)
    case .empty: return .bool(items.isEmpty)
    case .sorted: return Self.sorted(items)
    default: return nil
    }
  }

  private func apply(toObject fields: [String: TemplateData]) -> TemplateData? {
    switch self {
    case .count: return .integer(fields.values.count(where: { $0 != .null }))
    case .empty: return .bool(!fields.values.contains(where: { $0 != .null }))
    case .enumerated, .sorted:
      let entries = fields.filter { $0.value != .null }.sorted { $0.key < $1.key }
      return .list(entries.map { .object(["key": .text($0.key), "value": $0.value]) })
    default: return nil
    }
  }

  /// `value`, or nil for `.null` (a null field counts as missing, as an omitted key does).
  private static func present(_ value: TemplateData) -> TemplateData? {
    value == .null ? nil : value
  }

  /// A list of texts, of integers or of doubles in the order Swift's `sorted()` gives; nil for
  /// any other list, whose elements swift-mustache cannot compare.
  private static func sorted(_ items: [TemplateData]) -> TemplateData? {
    guard let head = items.first else { return .list([]) }
    switch head {
    case .text:
      var texts: [String] = []
      for case .text(let text) in items { texts.append(text) }
      guard texts.count == items.count else { return nil }
      return .list(texts.sorted().map(TemplateData.text))
    case .integer:
      var numbers: [Int] = []
      for case .integer(let number) in items { numbers.append(number) }
      guard numbers.count == items.count else { return nil }
      return .list(numbers.sorted().map(TemplateData.integer))
    case .double:
      var numbers: [Double] = []
      for case .double(let number) in items { numbers.append(number) }
      guard numbers.count == items.count else { return nil }
      return .list(numbers.sorted().map(TemplateData.double))
    default:
      return nil
    }
  }

  /// Foundation's `capitalized` (the swift-foundation rule): in each run of cased letters the first
  /// becomes title case and the others lower case; case-ignorable characters (an apostrophe) do not
  /// end a run, any other character does. Written here so that the module needs no Foundation.
  static func titleCased(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var lastCased = false
    for scalar in text.unicodeScalars {
      let properties = scalar.properties
      switch properties.generalCategory {
      case .uppercaseLetter, .titlecaseLetter:
        if lastCased {
          result += properties.lowercaseMapping
        } else {
          result.unicodeScalars.append(scalar)
        }
        lastCased = true
      case .lowercaseLetter:
        if lastCased {
          result.unicodeScalars.append(scalar)
        } else {
          result += properties.titlecaseMapping
        }
        lastCased = true
      default:
        result.unicodeScalars.append(scalar)
        if !properties.isCaseIgnorable || notCaseIgnorableInFoundation.contains(scalar.value) {
          lastCased = false
        }
      }
    }
    return result
  }

  /// Case-ignorable in Unicode but not in Foundation's (CoreFoundation's) set: these end a word.
  private static let notCaseIgnorableInFoundation: Set<UInt32> = [
    0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A,
  ]
}
