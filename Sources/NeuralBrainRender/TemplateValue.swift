/// Turns a view model into the dictionaries and arrays Mustache looks keys up in.
///
/// swift-mustache resolves `{{key}}` on a struct by building a `Mirror` of the whole struct for
/// every lookup; at thousands of table rows that dominated a run. Reflecting each object once
/// here keeps templates unchanged and makes every lookup a dictionary access.
enum TemplateValue {
  static func make(_ value: Any) -> Any {
    if value is String || value is Int || value is Double || value is Bool { return value }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct?, .class?:
      var fields: [String: Any] = [:]
      for child in mirror.children {
        guard let label = child.label, let converted = unwrap(child.value) else { continue }
        fields[label] = make(converted)
      }
      return fields
    case .collection?:
      return mirror.children.map { make($0.value) }
    case .optional?:
      return mirror.children.first.map { make($0.value) } ?? value
    default:
      return value
    }
  }

  /// The wrapped value of an optional (nil for `.none`); any other value unchanged.
  static func unwrap(_ value: Any) -> Any? {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return value }
    return mirror.children.first?.value
  }
}
