/// Escapes a text for a content type, appending UTF-8 bytes to `output`.
///
/// A content type (`{{% CONTENT_TYPE: NAME }}`) is one of these: `{{name}}` hands its text to the
/// escaper of the content type in force, which writes straight into the page being rendered, so no
/// escaped copy of the text is ever made.
public typealias TemplateEscaper = @Sendable (_ text: String, _ output: inout [UInt8]) -> Void
