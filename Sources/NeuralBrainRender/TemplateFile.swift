/// One Mustache template as read from disk: its name (the file name without `.mustache`), its
/// text, and the file it came from (for error messages). The run reads the files; rendering
/// only parses the texts.
public struct TemplateFile: Sendable, Hashable {
  public var name: String
  public var text: String
  public var path: String

  public init(name: String, text: String, path: String) {
    self.name = name
    self.text = text
    self.path = path
  }
}
