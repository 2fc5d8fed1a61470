/// Literals for `TemplateData`, so that a model reads as the JSON it stands for:
/// `["name": "Ålborg", "count": 3, "rows": [["x": 1.5]], "flag": true, "href": "r/\(id).html"]`.
extension TemplateData: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) {
    self = .text(value)
  }

  public init(integerLiteral value: Int) {
    self = .integer(value)
  }

  public init(floatLiteral value: Double) {
    self = .double(value)
  }

  public init(booleanLiteral value: Bool) {
    self = .bool(value)
  }

  public init(arrayLiteral elements: TemplateData...) {
    self = .list(elements)
  }

  public init(dictionaryLiteral elements: (String, TemplateData)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
