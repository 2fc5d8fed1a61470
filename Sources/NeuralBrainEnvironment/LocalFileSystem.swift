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
    guard exists(url) else { return }
    do {
      try FileManager.default.removeItem(at: url)
    } catch {
      throw FileSystemError(path: url.path, reason: ErrorText.describe(error))
    }
  }

  public func copyTimes(to url: URL, from source: URL) throws(FileSystemError) {
    var original = stat()
    guard stat(source.path, &original) == 0 else { throw Self.failure(source.path) }
    let times = [original.st_atim, original.st_mtim]
    guard utimensat(AT_FDCWD, url.path, times, 0) == 0 else { throw Self.failure(url.path) }
  }

  public func linkTree(_ destination: URL, from source: URL) throws(FileSystemError) {
    try linkTree(destination.path, from: source.path)
  }

  /// `linkTree` on plain paths: a release has thousands of entries, and `URL` building costs.
  private func linkTree(_ destination: String, from source: String) throws(FileSystemError) {
    guard mkdir(destination, 0o755) == 0 else { throw Self.failure(destination) }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: source).sorted()
    } catch {
      throw Self.failure(source)
    }
    for name in names {
      let from = source + "/" + name
      let to = destination + "/" + name
      var status = stat()
      guard lstat(from, &status) == 0 else { throw Self.failure(from) }
      switch status.st_mode & S_IFMT {
      case S_IFDIR: try linkTree(to, from: from)
      case S_IFLNK:
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: from), symlink(target, to) == 0
        else { throw Self.failure(to) }
      case S_IFREG: guard Foundation.link(from, to) == 0 else { throw Self.failure(to) }
      default: throw FileSystemError(path: from, reason: "neither a file, a folder nor a symbolic link")
      }
    }
  }

  /// The failure `errno` describes, at `path`.
  static func failure(_ path: String) -> FileSystemError {
    let code = errno
    return FileSystemError(path: path, reason: String(cString: strerror(code)), isMissing: code == ENOENT)
  }
}
