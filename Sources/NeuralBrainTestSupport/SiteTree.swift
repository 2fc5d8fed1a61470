import Foundation

/// Every regular file below a directory, by relative path, for comparing published trees.
public enum SiteTree {
  public static func files(in root: URL) throws -> [String: Data] {
    let root = root.resolvingSymlinksInPath()
    var out: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    else {
      return out
    }
    for case let url as URL in enumerator {
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      let relative = String(url.resolvingSymlinksInPath().path.dropFirst(root.path.count + 1))
      out[relative] = try Data(contentsOf: url)
    }
    return out
  }
}
