/// Turns a view model into the dictionaries and arrays Mustache looks keys up in.
///
/// swift-mustache resolves `{{key}}` on a struct by building a `Mirror` of the whole struct for
/// every lookup; at thousands of table rows that dominated a run. Converting each object once
/// here keeps templates unchanged and makes every lookup a dictionary access: views that list
/// their fields (`TemplateFields`) directly, any other by reflection.
enum TemplateValue {
  /// What a template renders `value` with: `make(value)` in the shapes swift-mustache reads
  /// fastest (`TemplateNode`).
  static func context(_ value: Any) -> Any { TemplateNode.wrap(make(value)) }

  static func make(_ value: Any) -> Any {
    switch value {
    case is String, is Int, is Double, is Bool: value
    case let view as any TemplateFields: view.templateFields
    case let optional as any OptionalTemplateValue: optional.wrappedValue.map(make) ?? value
    default: reflect(value)
    }
  }

  /// `value` converted through `Mirror`: a struct's stored properties by name (a nil optional
  /// left out, so that `{{#field}}` is false), a collection's elements in order.
  static func reflect(_ value: Any) -> Any {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct?, .class?:
      var fields: [String: Any] = [:]
      for child in mirror.children {
        guard let label = child.label else { continue }
        if let optional = child.value as? any OptionalTemplateValue, optional.wrappedValue == nil { continue }
        fields[label] = make(child.value)
      }
      return fields
    case .collection?:
      return mirror.children.map { make($0.value) }
    default:
      return value
    }
  }
}

/// An optional seen through `Any`, without reflecting it.
private protocol OptionalTemplateValue {
  var wrappedValue: Any? { get }
}

extension Optional: OptionalTemplateValue {
  fileprivate var wrappedValue: Any? { map { $0 as Any } }
}
