import Foundation
import NeuralBrainEnvironment
import NeuralBrainTestSupport
import Testing

/// The two tree operations a rerun is made of — linking a release, removing an old one — on the
/// real disk: folders recreated, files shared (not copied), symbolic links copied as links and
/// removed without following them.
@Suite("local file system trees")
struct LocalFileSystemTreeTests {
  /// A release-like tree: nested folders of many files, a file at the root, a symbolic link
  /// pointing out of the tree, an empty folder.
  static func makeTree(in root: URL) throws -> URL {
    let tree = root.appendingPathComponent("tree")
    let manager = FileManager.default
    for folder in ["region", "api/v1/forecasts/region", "api/v1/charts", "empty"] {
      try manager.createDirectory(at: tree.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    for index in 0..<300 {
      for folder in ["region", "api/v1/forecasts/region", "api/v1/charts"] {
        try Data("\(folder) \(index)".utf8).write(to: tree.appendingPathComponent("\(folder)/r\(index).txt"))
      }
    }
    try Data("index".utf8).write(to: tree.appendingPathComponent("index.html"))
    try manager.createSymbolicLink(
      atPath: tree.appendingPathComponent("archive").path, withDestinationPath: "../outside")
    return tree
  }

  /// Every path below `url`, relative, sorted.
  static func listing(_ url: URL) throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: url.path).sorted()
  }

  static func inode(_ url: URL) throws -> UInt64 {
    var status = stat()
    #expect(lstat(url.path, &status) == 0)
    return UInt64(status.st_ino)
  }

  @Test("linkTree recreates the tree with every file hard-linked and links copied as links")
  func linksTree() throws {
    let root = try TemporaryDirectory()
    let tree = try Self.makeTree(in: root.url)
    let copy = root.url.appendingPathComponent("copy")
    try LocalFileSystem().linkTree(copy, from: tree)
    #expect(try Self.listing(copy) == Self.listing(tree))
    #expect(try Self.listing(copy).count == 3 * 300 + 7 + 2)
    for path in ["index.html", "region/r0.txt", "api/v1/charts/r299.txt", "api/v1/forecasts/region/r150.txt"] {
      #expect(try Self.inode(copy.appendingPathComponent(path)) == Self.inode(tree.appendingPathComponent(path)))
    }
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: copy.appendingPathComponent("archive").path)
        == "../outside")
    #expect(throws: FileSystemError.self) { try LocalFileSystem().linkTree(copy, from: tree) }
  }

  @Test("remove deletes a whole tree, a link without its target, and a single file; a missing path is no error")
  func removesTree() throws {
    let root = try TemporaryDirectory()
    let outside = root.url.appendingPathComponent("outside")
    try Data("kept".utf8).write(to: outside)
    let tree = try Self.makeTree(in: root.url)
    let copy = root.url.appendingPathComponent("copy")
    try LocalFileSystem().linkTree(copy, from: tree)
    try LocalFileSystem().remove(copy)
    #expect(!FileManager.default.fileExists(atPath: copy.path))
    #expect(try Self.listing(tree).count == 3 * 300 + 7 + 2, "the linked originals stay")
    try LocalFileSystem().remove(tree.appendingPathComponent("archive"))
    #expect(FileManager.default.fileExists(atPath: outside.path), "a link is removed, not followed")
    try LocalFileSystem().remove(tree.appendingPathComponent("index.html"))
    #expect(!FileManager.default.fileExists(atPath: tree.appendingPathComponent("index.html").path))
    try LocalFileSystem().remove(root.url.appendingPathComponent("missing"))
    try LocalFileSystem().remove(tree)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.path) == ["outside"])
  }
}
