import NeuralBrainMarkup

/// Parses text with libxml2's XML parser, as the publish stage validates markup files.
enum XMLCheck {
  /// The parser's complaint, or an empty list when `text` is well-formed.
  static func errors(in text: String) -> [String] {
    do {
      _ = try MarkupDocument(bytes: Array(text.utf8), kind: .xml, name: "rendered")
      return []
    } catch {
      return [error.errorDescription ?? "parse error"]
    }
  }
}
