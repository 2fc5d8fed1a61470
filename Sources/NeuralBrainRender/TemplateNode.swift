import Mustache

/// A template value in the shapes swift-mustache reads fastest: objects and texts whose
/// protocol conformances are unconditional.
///
/// swift-mustache resolves every `{{tag}}` through a chain of dynamic casts of the value it finds:
/// is the object a `MustacheParent` (for `[String: Any]` a conditional conformance, checked
/// again at every lookup), is the value a template, a custom renderable, a lambda, an optional,
/// text output streamable. On a region page of daily data (about 460 tags) those casts were a
/// third of the rendering. A `TemplateNode` tree answers the first cast of each kind it meets;
/// the text is the same, and so are transforms (`{{uppercased(name)}}`, `{{count(rows)}}`,
/// `{{#first(rows)}}`), which are forwarded to the values the templates were written against.
/// Arrays of texts and numbers keep their own type, so that `sorted` still applies to them.
enum TemplateNode {
  /// `value` (a `TemplateValue.make` tree) with its objects, texts and integers wrapped.
  static func wrap(_ value: Any) -> Any {
    switch value {
    case let text as String: Text(text: text)
    case let number as Int: Integer(value: number)
    case let fields as [String: Any]: Object(fields: fields.mapValues(wrap))
    case let objects as [[String: Any]]: objects.map { Object(fields: $0.mapValues(wrap)) }
    default: value
    }
  }

  /// An object: its fields by name.
  struct Object: MustacheParent, MustacheTransformable {
    let fields: [String: Any]

    func child(named name: String) -> Any? { fields[name] }
    func transform(_ name: String) -> Any? { fields.transform(name) }
  }

  /// A text, escaped by the template's content type as any `String` is.
  ///
  /// A text has no fields (`{{name.x}}` finds nothing in it, as in a `String`), which it says as a
  /// `MustacheParent`: inside a section over a text (`{{#link}}<a href="{{link}}">{{/link}}`)
  /// swift-mustache would otherwise reflect the wrapper with `Mirror` on every tag, and find its
  /// stored property.
  struct Text: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { text.transform(name) }
    func child(named name: String) -> Any? { nil }
  }

  /// An integer, spelled as `String(describing:)` spells it; no fields, as a text has none.
  struct Integer: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let value: Int

    var renderText: String { String(value) }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { value.transform(name) }
    func child(named name: String) -> Any? { nil }
  }
}
