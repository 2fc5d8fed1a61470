/// A relative path inside the published site, built only from safe components.
///
/// Every file a run writes is named by one of these, so no raw input ever becomes a path.
public struct SitePath: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let components: [String]

  /// Fails when a component is empty, `.`/`..`, or holds anything but ASCII letters, digits,
  /// `-`, `_` and `.`.
  public init?(_ components: [String]) {
    guard !components.isEmpty else { return nil }
    for component in components {
      guard !component.isEmpty, component != ".", component != "..", component.utf8.count <= 120,
        component.utf8.allSatisfy({ byte in
          (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || byte == 45 || byte == 95 || byte == 46
        })
      else { return nil }
    }
    self.components = components
  }

  /// Parses `a/b/c.html`.
  public init?(_ path: String) {
    self.init(path.split(separator: "/", omittingEmptySubsequences: false).map(String.init))
  }

  public var description: String { components.joined(separator: "/") }

  /// The file extension of the last component, lower-cased.
  public var fileExtension: String {
    guard let last = components.last, let dot = last.lastIndex(of: ".") else { return "" }
    return last[last.index(after: dot)...].lowercased()
  }

  /// Relative prefix (`../../`) from this file back to the site root.
  public var rootPrefix: String { String(repeating: "../", count: components.count - 1) }

  public static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.description < rhs.description }
}

/// One file of a release: its path and bytes.
public struct SiteFile: Hashable, Sendable {
  public var path: SitePath
  public var contents: [UInt8]

  public init(path: SitePath, contents: [UInt8]) {
    self.path = path
    self.contents = contents
  }

  public init(path: SitePath, text: String) {
    self.init(path: path, contents: Array(text.utf8))
  }
}
