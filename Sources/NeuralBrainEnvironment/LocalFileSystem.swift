import Foundation
import NeuralBrainCore

/// The live `FileSystem`: the local disk, through plain system calls where a release's
/// thousands of small files make Foundation's overhead count.
public struct LocalFileSystem: FileSystem {
  public init() {}

  public func exists(_ url: URL) -> Bool {
    var status = stat()
    return lstat(url.path, &status) == 0
  }

  public func contents(of url: URL) throws(FileSystemError) -> Data {
    do {
      return try Data(contentsOf: url)
    } catch {
      throw FileSystemError(path: url.path, reason: ErrorText.describe(error), isMissing: !exists(url))
    }
  }

  public func size(of url: URL) throws(FileSystemError) -> Int {
    var status = stat()
    guard stat(url.path, &status) == 0 else { throw Self.failure(url.path) }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw FileSystemError(path: url.path, reason: "not a regular file")
    }
    return Int(status.st_size)
  }

  public func list(_ directory: URL) throws(FileSystemError) -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    } catch {
      throw Self.failure(directory.path)
    }
  }

  public func createDirectory(_ directory: URL) throws(FileSystemError) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw FileSystemError(path: directory.path, reason: ErrorText.describe(error))
    }
  }

  public func create(_ url: URL, bytes: [UInt8], mode: Int) throws(FileSystemError) {
    let output = try DescriptorOutput(url.path, mode: mode)
    defer { output.close() }
    try output.write(bytes)
  }

  public func createOutput(_ url: URL, mode: Int) throws(FileSystemError) -> any FileOutput {
    try DescriptorOutput(url.path, mode: mode)
  }

  public func openInput(_ url: URL) throws(FileSystemError) -> any FileInput {
    try DescriptorInput(url.path)
  }

  public func replace(_ url: URL, bytes: [UInt8]) throws(FileSystemError) {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
    unlink(temporary.path)
    do {
      try create(temporary, bytes: bytes, mode: 0o644)
      try rename(temporary, to: url)
    } catch {
      unlink(temporary.path)
      throw error
    }
  }

  public func link(_ url: URL, to existing: URL) throws(FileSystemError) {
    guard Foundation.link(existing.path, url.path) == 0 else { throw Self.failure(url.path) }
  }

  public func symbolicLink(_ url: URL, to destination: String) throws(FileSystemError) {
    guard symlink(destination, url.path) == 0 else { throw Self.failure(url.path) }
  }

  public func destinationOfSymbolicLink(_ url: URL) -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)
  }

  public func rename(_ source: URL, to destination: URL) throws(FileSystemError) {
    guard Foundation.rename(source.path, destination.path) == 0 else { throw Self.failure(destination.path) }
  }

  public func remove(_ url: URL) throws(FileSystemError) {
    var status = stat()
    guard lstat(url.path, &status) == 0 else { return }
    guard status.st_mode & S_IFMT == S_IFDIR else {
      guard unlink(url.path) == 0 else { throw Self.failure(url.path) }
      return
    }
    // A release or a staging folder: thousands of files, unlinked folder by folder on every core
    // (an unchanged rerun prunes a release as it links one), then the folders, deepest first.
    var folders: [Folder] = []
    try Self.walk(url.path, relative: "", into: &folders)
    _ = try folders.sorted { $0.files.count + $0.links.count > $1.files.count + $1.links.count }.concurrentMap {
      folder throws(FileSystemError) in
      try Self.inFolder(folder.path) { (directory: Int32) throws(FileSystemError) in
        for name in folder.entries {
          guard unlinkat(directory, name, 0) == 0 else { throw Self.failure(folder.path + "/" + name) }
        }
      }
    }
    for folder in folders {
      guard rmdir(folder.path) == 0 else { throw Self.failure(folder.path) }
    }
  }

  public func copyTimes(to url: URL, from source: URL) throws(FileSystemError) {
    var original = stat()
    guard stat(source.path, &original) == 0 else { throw Self.failure(source.path) }
    let times = [original.st_atim, original.st_mtim]
    guard utimensat(AT_FDCWD, url.path, times, 0) == 0 else { throw Self.failure(url.path) }
  }

  public func linkTree(_ destination: URL, from source: URL) throws(FileSystemError) {
    var folders: [Folder] = []
    try Self.walk(source.path, relative: "", into: &folders)
    // Parents first: the walk lists each folder after the folders inside it.
    for folder in folders.reversed() {
      let copy = destination.path + folder.relative
      guard mkdir(copy, 0o755) == 0 else { throw Self.failure(copy) }
      for name in folder.links {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/" + name),
          symlink(target, copy + "/" + name) == 0
        else { throw Self.failure(copy + "/" + name) }
      }
    }
    // The files of different folders are linked at once (within a folder the kernel takes one
    // lock per link anyway), each relative to its two folders (`linkat`), so the kernel does not
    // walk both long paths again. The largest folders (a release's region pages, documents and
    // charts) go first.
    _ = try folders.sorted { $0.files.count > $1.files.count }.concurrentMap { folder throws(FileSystemError) in
      try Self.inFolder(folder.path) { (origin: Int32) throws(FileSystemError) in
        try Self.inFolder(destination.path + folder.relative) { (target: Int32) throws(FileSystemError) in
          for name in folder.files {
            guard linkat(origin, name, target, name, 0) == 0 else {
              throw Self.failure(destination.path + folder.relative + "/" + name)
            }
          }
        }
      }
    }
  }

  /// One folder of a tree: its path, its path below the tree's root (empty for the root, else
  /// starting with `/`), and the names of its regular files and symbolic links.
  private struct Folder: Sendable {
    var path: String
    var relative: String
    var files: [String] = []
    var links: [String] = []
    /// Its files and links, in that order.
    var entries: [String] { files + links }
  }

  /// Appends the folders below `path` and then `path` itself to `folders` (deepest first), each
  /// entry's kind read from the folder listing (`d_type`) rather than one `lstat` each.
  private static func walk(_ path: String, relative: String, into folders: inout [Folder]) throws(FileSystemError) {
    guard let listing = opendir(path) else { throw failure(path) }
    defer { closedir(listing) }
    var entries: [(name: String, kind: Int32)] = []
    while let entry = readdir(listing) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      entries.append((name, Int32(entry.pointee.d_type)))
    }
    var folder = Folder(path: path, relative: relative)
    for (name, listed) in entries.sorted(by: { $0.name < $1.name }) {
      var kind = listed
      if kind == Int32(DT_UNKNOWN) {
        // Some file systems leave the kind out of the listing.
        var status = stat()
        guard lstat(path + "/" + name, &status) == 0 else { throw failure(path + "/" + name) }
        let format = status.st_mode & S_IFMT
        kind = Int32(format == S_IFDIR ? DT_DIR : format == S_IFLNK ? DT_LNK : format == S_IFREG ? DT_REG : DT_UNKNOWN)
      }
      switch kind {
      case Int32(DT_DIR): try walk(path + "/" + name, relative: relative + "/" + name, into: &folders)
      case Int32(DT_LNK): folder.links.append(name)
      case Int32(DT_REG): folder.files.append(name)
      default: throw FileSystemError(path: path + "/" + name, reason: "neither a file, a folder nor a symbolic link")
      }
    }
    folders.append(folder)
  }

  /// `body` with a descriptor of folder `path`, closed afterwards.
  private static func inFolder(_ path: String, _ body: (Int32) throws(FileSystemError) -> Void) throws(FileSystemError)
  {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path) }
    defer { close(descriptor) }
    try body(descriptor)
  }

  /// The failure `errno` describes, at `path`.
  static func failure(_ path: String) -> FileSystemError {
    let code = errno
    return FileSystemError(path: path, reason: String(cString: strerror(code)), isMissing: code == ENOENT)
  }
}
