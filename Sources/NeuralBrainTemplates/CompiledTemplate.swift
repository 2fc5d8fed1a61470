/// One template, parsed once: its nodes and the output capacity a rendering reserves up front.
struct CompiledTemplate: Sendable {
  let nodes: [TemplateNode]
  /// Bytes reserved for a rendering: four times the template's own text, so that a page with
  /// tables grows its buffer rarely.
  let capacity: Int
}
