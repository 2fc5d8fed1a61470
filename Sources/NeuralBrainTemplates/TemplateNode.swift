/// One compiled piece of a template: everything the renderer needs was decided at parse time.
///
/// Text is stored as the UTF-8 bytes it is written as; names are split and their transforms
/// resolved; an escaped variable holds the escaper of the content type in force where it was
/// written; a partial holds the index of the template it names (nil when the library has none).
enum TemplateNode: Sendable {
  /// Literal text, adjacent runs merged.
  case text([UInt8])
  /// `{{name}}` (escaped with `escaper`) or `{{{name}}}` / `{{&name}}` (`escaper` nil).
  case variable(TemplateName, escaper: TemplateEscaper?)
  /// `{{#name}}…{{/name}}`.
  case section(TemplateName, [TemplateNode])
  /// `{{^name}}…{{/name}}`.
  case invertedSection(TemplateName, [TemplateNode])
  /// `{{>name}}`: the template's index in the library, and the indentation of a standalone tag.
  case partial(Int?, indentation: [UInt8])
}
