import NeuralBrainTemplates

/// Turns a view model into the `TemplateData` tree its template reads.
///
/// The views a large site renders thousands of times list their fields (`TemplateFields`); any
/// other (the about, evaluation, compare and e-mail views) is read through `Mirror`: a struct's
/// stored properties by name (a nil optional left out, so that `{{#field}}` is false), a
/// collection's elements in order, a dictionary's entries by key.
enum TemplateValue {
  static func make(_ value: Any) -> TemplateData {
    switch value {
    case let text as String: .text(text)
    case let flag as Bool: .bool(flag)
    case let number as Int: .integer(number)
    case let number as Double: .double(number)
    case let view as any TemplateFields: .object(view.templateFields)
    case let optional as any OptionalTemplateValue: optional.wrappedValue.map(make) ?? .null
    case let fields as [String: Any]: .object(fields.mapValues(make))
    default: reflect(value)
    }
  }

  /// `value` read through `Mirror`, each of its parts converted by `make`.
  static func reflect(_ value: Any) -> TemplateData {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct?, .class?:
      var fields: [String: TemplateData] = [:]
      for child in mirror.children {
        guard let label = child.label else { continue }
        if let optional = child.value as? any OptionalTemplateValue, optional.wrappedValue == nil { continue }
        fields[label] = make(child.value)
      }
      return .object(fields)
    case .collection?:
      return .list(mirror.children.map { make($0.value) })
    default:
      return .text(String(describing: value))
    }
  }
}

/// An optional seen through `Any`, without reflecting it.
protocol OptionalTemplateValue {
  var wrappedValue: Any? { get }
}

extension Optional: OptionalTemplateValue {
  var wrappedValue: Any? { map { $0 as Any } }
}
