/// A template that cannot be parsed: which template, where, and what is wrong, in words a template
/// author understands.
///
/// Templates are edited by the site's users, so the error names the place to fix (1-based line and
/// column, counted in characters, of the offending tag's first delimiter character, or of the
/// opening tag of a section that is never closed) and the construct as it was written.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The template's name, as given to `TemplateLibrary`.
  public let template: String
  /// 1-based line of the problem.
  public let line: Int
  /// 1-based column of the problem, in characters.
  public let column: Int
  /// What is wrong, e.g. "the section {{#rows}} opened at line 3, column 1 is never closed".
  public let message: String

  public init(template: String, line: Int, column: Int, message: String) {
    self.template = template
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(template):\(line):\(column): \(message)" }
}
