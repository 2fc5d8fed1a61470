/// One rendering of a template: the output buffer and the context stack, for one call of
/// `TemplateLibrary.render` (each call has its own, so renderings on many threads share nothing
/// mutable).
///
/// Everything is appended to one `[UInt8]`; a value is looked up with dictionary accesses on the
/// stack's objects and written through the escaper in its node, with no intermediate strings but
/// the decimal spelling of numbers.
struct TemplateRenderer {
  /// Partials rendered inside each other beyond this depth render nothing (a template that
  /// includes itself stops there).
  static let maximumPartialDepth = 64
  /// A partial renders nothing either when sections and partials are already open this deep on
  /// the way to it, which bounds the stack a rendering uses: sections 100 deep in each of 64
  /// partials would take about 6,500 levels, this at most 256 and the 100 sections of the last
  /// partial (about 60 KB of stack in a release build, 700 KB in a debug build).
  static let maximumNesting = 256

  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  private let templates: [CompiledTemplate]
  private(set) var output: [UInt8] = []
  private var stack: [TemplateData]
  private var partialDepth = 0
  private var nesting = 0

  init(templates: [CompiledTemplate], data: TemplateData) {
    self.templates = templates
    self.stack = [data]
    stack.reserveCapacity(16)
  }

  /// Renders the template at `index` after what has been rendered so far.
  mutating func render(template index: Int) {
    output.reserveCapacity(output.count + templates[index].capacity)
    render(templates[index].nodes, position: nil, indentation: [])
  }

  // MARK: Nodes

  /// Renders `nodes` with the list position `position` and the indentation of the standalone
  /// partials they are in.
  private mutating func render(_ nodes: [TemplateNode], position: SequencePosition?, indentation: [UInt8]) {
    nesting += 1
    defer { nesting -= 1 }
    if indentation.isEmpty {
      for node in nodes {
        render(node, position: position, indentation: indentation)
      }
    } else {
      renderIndented(nodes, position: position, indentation: indentation)
    }
  }

  /// Renders `nodes` inside an indented partial as swift-mustache does: a node whose output is not
  /// empty gets the indentation first when what these nodes have written so far ends a line (with
  /// `\n`, not `\r\n`); literal text gets it at each of its own line starts that way.
  private mutating func renderIndented(_ nodes: [TemplateNode], position: SequencePosition?, indentation: [UInt8]) {
    let start = output.count
    for node in nodes {
      if case .text(let bytes) = node {
        var segmentStart = 0
        for index in bytes.indices where bytes[index] == Self.lineFeed || index == bytes.count - 1 {
          if endsLine(since: start) {
            output.append(contentsOf: indentation)
          }
          output.append(contentsOf: bytes[segmentStart...index])
          segmentStart = index + 1
        }
        continue
      }
      let lineStart = endsLine(since: start)
      let mark = output.count
      render(node, position: position, indentation: indentation)
      if lineStart, output.count > mark {
        output.insert(contentsOf: indentation, at: mark)
      }
    }
  }

  /// Whether the output written since `start` ends with `\n` but not `\r\n` (a `\r\n` is one
  /// character to swift-mustache, which compares the last character with `\n`).
  private func endsLine(since start: Int) -> Bool {
    let count = output.count
    guard count > start, output[count - 1] == Self.lineFeed else { return false }
    return count - 1 == start || output[count - 2] != Self.carriageReturn
  }

  private mutating func render(_ node: TemplateNode, position: SequencePosition?, indentation: [UInt8]) {
    switch node {
    case .text(let bytes):
      output.append(contentsOf: bytes)
    case .variable(let name, let escaper):
      if let value = resolve(name, position: position) {
        write(value, escaper: escaper)
      }
    case .section(let name, let content):
      renderSection(name, content, position: position, indentation: indentation)
    case .invertedSection(let name, let content):
      renderInvertedSection(name, content, position: position, indentation: indentation)
    case .partial(let index, let ownIndentation):
      if let index {
        renderPartial(index, indentation: indentation + ownIndentation)
      }
    }
  }

  private mutating func renderSection(
    _ name: TemplateName, _ content: [TemplateNode], position: SequencePosition?, indentation: [UInt8]
  ) {
    guard let value = resolve(name, position: position) else { return }
    switch value {
    case .list(let items):
      let last = items.count - 1
      for (index, item) in items.enumerated() {
        stack.append(item)
        render(
          content, position: SequencePosition(index: index, isFirst: index == 0, isLast: index == last),
          indentation: indentation)
        stack.removeLast()
      }
    case .bool(let flag):
      if flag {
        render(content, position: position, indentation: indentation)
      }
    case .null:
      break
    case .text, .integer, .double, .object:
      stack.append(value)
      render(content, position: nil, indentation: indentation)
      stack.removeLast()
    }
  }

  private mutating func renderInvertedSection(
    _ name: TemplateName, _ content: [TemplateNode], position: SequencePosition?, indentation: [UInt8]
  ) {
    guard let value = resolve(name, position: position) else {
      render(content, position: position, indentation: indentation)
      return
    }
    switch value {
    case .list(let items):
      // swift-mustache renders an empty list's inverted section with the list pushed.
      if items.isEmpty {
        stack.append(value)
        render(content, position: nil, indentation: indentation)
        stack.removeLast()
      }
    case .bool(let flag):
      if !flag {
        render(content, position: position, indentation: indentation)
      }
    case .null:
      render(content, position: position, indentation: indentation)
    case .text, .integer, .double, .object:
      break
    }
  }

  /// Renders the template at `index` as a partial: no list position, indented by `indentation`.
  private mutating func renderPartial(_ index: Int, indentation: [UInt8]) {
    guard partialDepth < Self.maximumPartialDepth, nesting < Self.maximumNesting else { return }
    partialDepth += 1
    render(templates[index].nodes, position: nil, indentation: indentation)
    partialDepth -= 1
  }

  // MARK: Values

  /// Writes a value found for `{{name}}`: a text, a number or a boolean; nothing for a list, an
  /// object or null.
  private mutating func write(_ value: TemplateData, escaper: TemplateEscaper?) {
    switch value {
    case .text(let text):
      write(text, escaper: escaper)
    case .integer(let number):
      if let escaper {
        escaper(String(number), &output)
      } else {
        appendDecimal(number)
      }
    case .double(let number):
      write(number.description, escaper: escaper)
    case .bool(let flag):
      write(flag ? "true" : "false", escaper: escaper)
    case .list, .object, .null:
      break
    }
  }

  private mutating func write(_ text: String, escaper: TemplateEscaper?) {
    if let escaper {
      escaper(text, &output)
    } else {
      output.append(contentsOf: text.utf8)
    }
  }

  /// Appends `number` in decimal without making a `String`.
  private mutating func appendDecimal(_ number: Int) {
    if number < 0 {
      output.append(UInt8(ascii: "-"))
    }
    var magnitude = number.magnitude
    var divisor: UInt = 1
    while magnitude / divisor >= 10 {
      divisor *= 10
    }
    while divisor > 0 {
      output.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    }
  }

  // MARK: Lookup

  /// The value `name` names in the current context, its transforms applied; nil when there is none.
  private func resolve(_ name: TemplateName, position: SequencePosition?) -> TemplateData? {
    var value: TemplateData
    switch name.root {
    case .current:
      value = stack[stack.count - 1]
    case .anchored:
      value = stack[stack.count - 1]
      for component in name.components {
        guard let field = Self.field(component, of: value) else { return nil }
        value = field
      }
    case .climbing:
      guard let found = climb(to: name.components[0]) else { return nil }
      value = found
      for component in name.components.dropFirst() {
        guard let field = Self.field(component, of: value) else { return nil }
        value = field
      }
    case .sequence:
      guard let position, let first = name.transforms.first else { return nil }
      guard let result = first.apply(to: position) else { return nil }
      value = result
      for transform in name.transforms.dropFirst() {
        guard let transformed = transform.apply(to: value) else { return nil }
        value = transformed
      }
      return value
    }
    for transform in name.transforms {
      guard let transformed = transform.apply(to: value) else { return nil }
      value = transformed
    }
    return value
  }

  /// The value of `key` in the nearest object on the stack that has it (not null).
  private func climb(to key: String) -> TemplateData? {
    var index = stack.count - 1
    while index >= 0 {
      if let field = Self.field(key, of: stack[index]) {
        return field
      }
      index -= 1
    }
    return nil
  }

  /// `value`'s field `key`, when `value` is an object with that field and the field is not null
  /// (a null field counts as missing, so the lookup goes on down the stack).
  private static func field(_ key: String, of value: TemplateData) -> TemplateData? {
    guard case .object(let fields) = value, let field = fields[key] else { return nil }
    if case .null = field { return nil }
    return field
  }
}
