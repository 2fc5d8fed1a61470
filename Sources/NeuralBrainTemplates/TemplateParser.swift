/// Compiles one template's text into `TemplateNode`s, once.
///
/// The pages used to be parsed by swift-mustache, and the templates are the users', so this
/// parser follows swift-mustache 2's parser rule for rule (which lines are standalone, which
/// whitespace is kept, what a name may contain, how transforms are written), on the template's
/// characters (grapheme clusters, as swift-mustache reads them). Where swift-mustache goes wrong
/// (a `{` at the very end of a template is an error there, `{{` followed by a line break drops the
/// tag) this parser reads what was written; constructs this engine does not support (template
/// inheritance, dynamic partial names) and empty names are errors.
struct TemplateParser {
  /// Sections nested deeper than this are a syntax error.
  static let maximumSectionDepth = 100

  /// What a level of the template (the whole template, or one section's content) is parsed with.
  /// Each section starts from a copy, so delimiters and a content type set inside a section end
  /// with it, as in swift-mustache.
  private struct Level {
    var section: OpenSection?
    /// Whether only spaces and tabs precede the current position on its line.
    var atLineStart: Bool
    var opening: [Character]
    var closing: [Character]
    var escaper: TemplateEscaper
    var depth: Int
  }

  /// The section a level is the content of.
  private struct OpenSection {
    let name: String
    let transforms: [String]
    let inverted: Bool
    /// Whether the opening tag is standalone; the line after the section's closing tag is then
    /// read as a new line, as swift-mustache reads it.
    let standalone: Bool
    /// Where its tag starts, and the tag as written, for error messages.
    let tag: Int
    let text: String
  }

  /// A level being parsed: its nodes so far, and the spaces and tabs that began the current line,
  /// kept until it is known whether the line holds only a standalone tag (then they go) or
  /// anything else (then they are written).
  private struct Frame {
    var level: Level
    var nodes = Nodes()
    var indentation = ""

    /// Writes the line's indentation before a tag that is not standalone.
    mutating func writeIndentation() {
      if !indentation.isEmpty {
        nodes.appendText(indentation)
        indentation = ""
      }
    }
  }

  /// What a tag did to the level it is in.
  private enum TagResult {
    /// Wrote its node (or nothing); whether it was standalone.
    case standalone(Bool)
    /// Opened a section.
    case open(OpenSection)
    /// Closed the level's section (the frame of its content is on top of its parent's).
    case close(OpenSection)
  }

  /// Why reading text stopped.
  private enum TextEnd {
    case lineBreak(Character)
    /// An opening delimiter, which starts at this index and has been read.
    case tag(Int)
    case end
  }

  /// The nodes of one level, with adjacent text merged into one node.
  private struct Nodes {
    var nodes: [TemplateNode] = []
    var text: [UInt8] = []

    mutating func appendText(_ string: String) {
      text.append(contentsOf: string.utf8)
    }

    mutating func append(_ node: TemplateNode) {
      flush()
      nodes.append(node)
    }

    mutating func finish() -> [TemplateNode] {
      flush()
      return nodes
    }

    private mutating func flush() {
      if !text.isEmpty {
        nodes.append(.text(text))
        text = []
      }
    }
  }

  private let template: String
  private let characters: [Character]
  private var position = 0
  private let contentTypes: [String: TemplateEscaper]
  private let defaultEscaper: TemplateEscaper
  private let partials: [String: Int]

  /// - Parameters:
  ///   - template: the template's name, for errors.
  ///   - text: the template.
  ///   - contentTypes: the escapers `{{% CONTENT_TYPE: NAME }}` may name.
  ///   - defaultEscaper: the escaper in force where no pragma says otherwise.
  ///   - partials: the library's template indices by name, which `{{>name}}` resolves against.
  init(
    template: String, text: String, contentTypes: [String: TemplateEscaper], defaultEscaper: @escaping TemplateEscaper,
    partials: [String: Int]
  ) {
    self.template = template
    self.characters = Array(text)
    self.contentTypes = contentTypes
    self.defaultEscaper = defaultEscaper
    self.partials = partials
  }

  /// The template's nodes.
  ///
  /// Sections are parsed with an explicit stack of frames rather than by recursion, so that
  /// nesting costs no call stack.
  mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
    position = 0
    var frame = Frame(
      level: Level(
        section: nil, atLineStart: true, opening: ["{", "{"], closing: ["}", "}"], escaper: defaultEscaper, depth: 0))
    var parents: [Frame] = []
    while position < characters.count {
      if frame.level.atLineStart {
        frame.indentation = readBlanks()
      }
      let (text, end) = readText(frame.level)
      let tagStart: Int
      switch end {
      case .lineBreak(let lineBreak):
        frame.nodes.appendText(frame.indentation + text + String(lineBreak))
        frame.level.atLineStart = true
        position += 1
        continue
      case .tag(let start):
        tagStart = start
      case .end:
        tagStart = characters.count
      }
      if !text.isEmpty {
        frame.nodes.appendText(frame.indentation + text)
        frame.indentation = ""
        frame.level.atLineStart = false
      }
      guard tagStart < characters.count else { break }
      switch try readTag(in: &frame, at: tagStart) {
      case .standalone(let standalone):
        frame.level.atLineStart = standalone
      case .open(let section):
        var inner = frame.level
        inner.section = section
        inner.atLineStart = section.standalone
        inner.depth += 1
        parents.append(frame)
        frame = Frame(level: inner)
      case .close(let section):
        let content = frame.nodes.finish()
        frame = parents.removeLast()
        let name = TemplateName(name: section.name, transforms: section.transforms)
        frame.nodes.append(section.inverted ? .invertedSection(name, content) : .section(name, content))
        frame.level.atLineStart = section.standalone
      }
    }
    if let section = frame.level.section {
      let (line, column) = lineAndColumn(of: section.tag)
      throw error(
        at: section.tag, "the section \(section.text) opened at line \(line), column \(column) is never closed")
    }
    return frame.nodes.finish()
  }

  /// Reads the tag whose opening delimiter starts at `tagStart` (and has been read), adding what
  /// it writes to `frame`.
  private mutating func readTag(in frame: inout Frame, at tagStart: Int) throws(TemplateSyntaxError) -> TagResult {
    let level = frame.level
    switch position < characters.count ? characters[position] : "\0" {
    case "#", "^":
      let inverted = characters[position] == "^"
      position += 1
      let (name, transforms) = try readName(level, tag: tagStart, emptyAllowed: false)
      let standalone = isStandalone(level)
      if !standalone {
        frame.writeIndentation()
      }
      guard level.depth < Self.maximumSectionDepth else {
        throw error(
          at: tagStart, "\(tagText(at: tagStart, level)) is nested more than \(Self.maximumSectionDepth) sections deep")
      }
      return .open(
        OpenSection(
          name: name, transforms: transforms, inverted: inverted, standalone: standalone, tag: tagStart,
          text: tagText(at: tagStart, level)))

    case "/":
      position += 1
      let (name, transforms) = try readName(level, tag: tagStart, emptyAllowed: true)
      guard let section = level.section else {
        throw error(at: tagStart, "\(tagText(at: tagStart, level)) closes a section that was never opened")
      }
      guard name == section.name, transforms == section.transforms else {
        let (line, column) = lineAndColumn(of: section.tag)
        throw error(
          at: tagStart,
          "\(tagText(at: tagStart, level)) closes \(section.text) (opened at line \(line), column \(column))")
      }
      if !isStandalone(level), !frame.indentation.isEmpty {
        frame.nodes.appendText(frame.indentation)
      }
      return .close(section)

    case "!":
      position += 1
      try skipComment(level, tag: tagStart)
      return .standalone(isStandalone(level))

    case "{":
      frame.writeIndentation()
      position += 1
      let (name, transforms) = try readName(level, tag: tagStart, emptyAllowed: false)
      guard position < characters.count, characters[position] == "}" else {
        throw error(at: tagStart, "\(tagText(at: tagStart, level)) lacks the third } of a triple mustache")
      }
      position += 1
      frame.nodes.append(.variable(TemplateName(name: name, transforms: transforms), escaper: nil))
      return .standalone(false)

    case "&":
      frame.writeIndentation()
      position += 1
      let (name, transforms) = try readName(level, tag: tagStart, emptyAllowed: false)
      frame.nodes.append(.variable(TemplateName(name: name, transforms: transforms), escaper: nil))
      return .standalone(false)

    case ">":
      position += 1
      skipWhitespace()
      if position < characters.count, characters[position] == "*" {
        throw error(at: tagStart, "dynamic partial names (\(tagText(at: tagStart, level))) are not supported")
      }
      let name = try readPartialName(level, tag: tagStart)
      let indentation = frame.indentation
      if !indentation.isEmpty {
        frame.nodes.appendText(indentation)
      }
      frame.indentation = ""
      if isStandalone(level) {
        frame.nodes.append(.partial(partials[name], indentation: Array(indentation.utf8)))
        return .standalone(true)
      }
      frame.nodes.append(.partial(partials[name], indentation: []))
      return .standalone(false)

    case "<", "$":
      throw error(at: tagStart, "template inheritance (\(tagText(at: tagStart, level))) is not supported")

    case "=":
      position += 1
      try setDelimiters(&frame.level, tag: tagStart)
      return .standalone(isStandalone(frame.level))

    case "%":
      position += 1
      frame.level.escaper = try readPragma(level, tag: tagStart)
      return .standalone(isStandalone(level))

    default:
      frame.writeIndentation()
      let (name, transforms) = try readName(level, tag: tagStart, emptyAllowed: false)
      frame.nodes.append(.variable(TemplateName(name: name, transforms: transforms), escaper: level.escaper))
      return .standalone(false)
    }
  }

  // MARK: Text and lines

  /// The spaces and tabs at the current position.
  private mutating func readBlanks() -> String {
    let start = position
    while position < characters.count, characters[position] == " " || characters[position] == "\t" {
      position += 1
    }
    return String(characters[start..<position])
  }

  /// The text up to a line break (not read), an opening delimiter (read) or the end.
  private mutating func readText(_ level: Level) -> (String, TextEnd) {
    var text = ""
    let first = level.opening[0]
    while position < characters.count {
      let start = position
      while position < characters.count {
        let character = characters[position]
        if character == "\n" || character == "\r\n" || character == first { break }
        position += 1
      }
      text += String(characters[start..<position])
      guard position < characters.count else { break }
      let character = characters[position]
      if character == "\n" || character == "\r\n" {
        return (text, .lineBreak(character))
      }
      if isAt(level.opening) {
        let tag = position
        position += level.opening.count
        return (text, .tag(tag))
      }
      text.append(first)
      position += 1
    }
    return (text, .end)
  }

  /// Whether a tag just read stands alone on its line: only spaces and tabs before it (`level`
  /// says) and after it up to a line break, which is then read, or the end of the template.
  private mutating func isStandalone(_ level: Level) -> Bool {
    guard level.atLineStart else { return false }
    if position == characters.count { return true }
    var next = position
    while next < characters.count, characters[next] == " " || characters[next] == "\t" {
      next += 1
    }
    guard next < characters.count, characters[next].isNewline else { return false }
    position = next + 1
    return true
  }

  private mutating func skipWhitespace() {
    while position < characters.count, characters[position].isWhitespace {
      position += 1
    }
  }

  private func isAt(_ delimiter: [Character]) -> Bool {
    guard characters.count - position >= delimiter.count else { return false }
    for (offset, character) in delimiter.enumerated() where characters[position + offset] != character {
      return false
    }
    return true
  }

  // MARK: Tags

  /// The name of a variable or section tag and its transforms (`uppercased(name)` is `("name",
  /// ["uppercased"])`), and the closing delimiter after it.
  private mutating func readName(
    _ level: Level, tag: Int, emptyAllowed: Bool
  ) throws(TemplateSyntaxError) -> (String, [String]) {
    skipWhitespace()
    let start = position
    while position < characters.count, Self.nameCharacters.contains(characters[position]) {
      position += 1
    }
    let text = String(characters[start..<position])
    skipWhitespace()
    guard isAt(level.closing) else { throw malformedTag(at: tag, level) }
    position += level.closing.count
    guard !text.isEmpty || emptyAllowed else {
      throw error(at: tag, "\(tagText(at: tag, level)) names nothing: write a name, or . for the current value")
    }
    guard let (name, transforms) = Self.splitTransforms(text) else {
      throw error(
        at: tag,
        "\(tagText(at: tag, level)) is not a valid transform: write transform(name), e.g. uppercased(name) or "
          + "reversed(sorted(tags))")
    }
    return (name, transforms)
  }

  /// `a(b(c))` as `("c", ["a", "b"])`; a name without parentheses as itself; nil when the
  /// parentheses do not pair up as swift-mustache requires.
  private static func splitTransforms(_ text: String) -> (String, [String])? {
    let characters = Array(text)
    var index = 0
    func readPart() -> String {
      let start = index
      while index < characters.count, characters[index] != "(", characters[index] != ")" {
        index += 1
      }
      return String(characters[start..<index])
    }
    let first = readPart()
    guard index < characters.count else { return (text, []) }
    guard characters[index] == "(" else { return nil }
    index += 1
    var transforms = [first]
    while true {
      let part = readPart()
      guard index < characters.count else { return nil }
      if characters[index] == "(" {
        index += 1
        transforms.append(part)
        continue
      }
      index += 1
      var closing = 0
      while index < characters.count, characters[index] == ")" {
        closing += 1
        index += 1
      }
      guard closing + 1 == transforms.count, index == characters.count else { return nil }
      return (part, transforms)
    }
  }

  /// The name of a partial tag, and the closing delimiter after it.
  private mutating func readPartialName(_ level: Level, tag: Int) throws(TemplateSyntaxError) -> String {
    skipWhitespace()
    let start = position
    while position < characters.count, Self.partialNameCharacters.contains(characters[position]) {
      position += 1
    }
    let name = String(characters[start..<position])
    skipWhitespace()
    guard isAt(level.closing) else { throw malformedTag(at: tag, level) }
    position += level.closing.count
    guard !name.isEmpty else {
      throw error(at: tag, "the partial \(tagText(at: tag, level)) names no template")
    }
    return name
  }

  /// Skips a comment's text and its closing delimiter, found as swift-mustache finds it.
  private mutating func skipComment(_ level: Level, tag: Int) throws(TemplateSyntaxError) {
    var matched = 0
    while position < characters.count {
      if characters[position] == level.closing[matched] {
        matched += 1
        if matched == level.closing.count {
          position += 1
          return
        }
      } else {
        matched = 0
      }
      position += 1
    }
    throw error(at: tag, "unclosed comment: \(String(level.opening))! has no \(String(level.closing))")
  }

  /// Reads `{{=<% %>=}}` (after the `=`) and sets the level's delimiters.
  private mutating func setDelimiters(_ level: inout Level, tag: Int) throws(TemplateSyntaxError) {
    let problem = error(
      at: tag,
      "invalid delimiter change \(tagText(at: tag, level)): write the opening and closing delimiters, separated by "
        + "a space, between = signs, e.g. \(String(level.opening))=<% %>=\(String(level.closing))")
    skipWhitespace()
    let openingStart = position
    while position < characters.count, !characters[position].isWhitespace {
      position += 1
    }
    guard position < characters.count else { throw problem }
    let opening = Array(characters[openingStart..<position])
    skipWhitespace()
    let closingStart = position
    while position < characters.count, characters[position] != "=", !characters[position].isWhitespace {
      position += 1
    }
    guard position < characters.count else { throw problem }
    let closing = Array(characters[closingStart..<position])
    skipWhitespace()
    guard position < characters.count, characters[position] == "=" else { throw problem }
    position += 1
    guard isAt(level.closing), !opening.isEmpty, !closing.isEmpty else { throw problem }
    position += level.closing.count
    level.opening = opening
    level.closing = closing
  }

  /// Reads `{{% CONTENT_TYPE: NAME }}` (after the `%`): the escaper it names.
  private mutating func readPragma(_ level: Level, tag: Int) throws(TemplateSyntaxError) -> TemplateEscaper {
    let text = tagText(at: tag, level)
    let problem = error(
      at: tag, "invalid pragma \(text): write \(String(level.opening))% CONTENT_TYPE: NAME \(String(level.closing))")
    skipWhitespace()
    let variable = readPragmaWord()
    skipWhitespace()
    guard position < characters.count, characters[position] == ":" else { throw problem }
    position += 1
    skipWhitespace()
    let value = readPragmaWord()
    skipWhitespace()
    guard isAt(level.closing), !variable.isEmpty, !value.isEmpty else { throw problem }
    position += level.closing.count
    guard variable == "CONTENT_TYPE" else {
      throw error(at: tag, "unknown pragma \(variable) in \(text): only CONTENT_TYPE is supported")
    }
    guard let escaper = contentTypes[value] else {
      let known = contentTypes.keys.sorted().joined(separator: ", ")
      throw error(at: tag, "unknown content type \(value) in \(text): the content types are \(known)")
    }
    return escaper
  }

  private mutating func readPragmaWord() -> String {
    let start = position
    while position < characters.count, Self.nameCharacters.contains(characters[position]),
      characters[position] != "(", characters[position] != ")"
    {
      position += 1
    }
    return String(characters[start..<position])
  }

  // MARK: Errors

  /// The error for a tag whose name is followed by something other than the closing delimiter.
  private func malformedTag(at tag: Int, _ level: Level) -> TemplateSyntaxError {
    let closing = String(level.closing)
    guard closingDelimiterOnLine(after: tag, level) != nil else {
      return error(at: tag, "unclosed tag \(tagText(at: tag, level)): no \(closing) before the end of the line")
    }
    return error(
      at: tag,
      "invalid tag \(tagText(at: tag, level)): a name is made of letters, digits and . - _ ? * only, "
        + "with spaces allowed only around it")
  }

  /// The index just after the first closing delimiter following the tag at `tag` on its line.
  private func closingDelimiterOnLine(after tag: Int, _ level: Level) -> Int? {
    var index = tag + level.opening.count
    while index + level.closing.count <= characters.count, !characters[index].isNewline {
      if Array(characters[index..<index + level.closing.count]) == level.closing {
        return index + level.closing.count
      }
      index += 1
    }
    return nil
  }

  /// The tag starting at `tag` as written: up to its closing delimiter, or the rest of its line
  /// (at most 40 characters) when it has none there.
  private func tagText(at tag: Int, _ level: Level) -> String {
    if let end = closingDelimiterOnLine(after: tag, level) {
      let triple =
        tag + level.opening.count < characters.count && characters[tag + level.opening.count] == "{"
        && end < characters.count && characters[end] == "}"
      return String(characters[tag..<(triple ? end + 1 : end)])
    }
    var end = tag
    while end < characters.count, end - tag < 40, !characters[end].isNewline {
      end += 1
    }
    return String(characters[tag..<end])
  }

  private func error(at index: Int, _ message: String) -> TemplateSyntaxError {
    let (line, column) = lineAndColumn(of: index)
    return TemplateSyntaxError(template: template, line: line, column: column, message: message)
  }

  /// 1-based line and column of the character at `index`; every line break (`\n`, `\r\n`, a lone
  /// `\r` and the other Unicode line separators) starts a line.
  private func lineAndColumn(of index: Int) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for offset in 0..<min(index, characters.count) where characters[offset].isNewline {
      line += 1
      lineStart = offset + 1
    }
    return (line, index - lineStart + 1)
  }

  /// The characters a name may contain (with the parentheses of transforms), as in swift-mustache.
  private static let nameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
  /// The characters a partial's name may contain, as in swift-mustache.
  private static let partialNameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
