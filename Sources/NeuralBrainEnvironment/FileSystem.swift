import Foundation

/// The files a run reads and writes: inputs, templates, the configuration, credentials files,
/// releases, the archive, the e-mail outbox and the metrics textfile.
///
/// The live value is the local disk; tests pass one confined to a temporary directory, which
/// fails any access outside it. SQLite (the state database) opens its file itself.
public protocol FileSystem: Sendable {
  /// Whether anything (file, directory, link) exists at `url`.
  func exists(_ url: URL) -> Bool
  /// The whole file.
  func contents(of url: URL) throws(FileSystemError) -> Data
  /// The size in bytes of the regular file `url`, without reading it; fails for anything else.
  func size(of url: URL) throws(FileSystemError) -> Int
  /// The names in `directory`, sorted.
  func list(_ directory: URL) throws(FileSystemError) -> [String]
  /// Creates `directory` and its parents; nothing to do when it exists.
  func createDirectory(_ directory: URL) throws(FileSystemError)
  /// Creates `url`, which must not exist, holding `bytes`, with permissions `mode`.
  func create(_ url: URL, bytes: [UInt8], mode: Int) throws(FileSystemError)
  /// Replaces `url` atomically: readers see the old file or the new one, never a part.
  func replace(_ url: URL, bytes: [UInt8]) throws(FileSystemError)
  /// A hard link `url` to the existing file `existing`.
  func link(_ url: URL, to existing: URL) throws(FileSystemError)
  /// A symbolic link `url` whose target is `destination` (a relative path, usually).
  func symbolicLink(_ url: URL, to destination: String) throws(FileSystemError)
  /// The target of the symbolic link `url`; nil when it is not one.
  func destinationOfSymbolicLink(_ url: URL) -> String?
  /// Renames `source` to `destination` atomically, replacing a file or link there.
  func rename(_ source: URL, to destination: URL) throws(FileSystemError)
  /// Removes `url` and everything below it; nothing to do when it does not exist.
  func remove(_ url: URL) throws(FileSystemError)
  /// Gives `url` the access and modification times of `source`.
  func copyTimes(to url: URL, from source: URL) throws(FileSystemError)
  /// Recreates the tree below `source` at `destination`, which must not exist: folders are
  /// made, regular files hard-linked (no byte is copied) and symbolic links copied as links.
  func linkTree(_ destination: URL, from source: URL) throws(FileSystemError)
}

/// A file operation that failed, with the path and the system's reason.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var reason: String
  /// Whether the failure is that nothing exists at `path`.
  public var isMissing: Bool

  public init(path: String, reason: String, isMissing: Bool = false) {
    self.path = path
    self.reason = reason
    self.isMissing = isMissing
  }

  public var description: String { "\(path): \(reason)" }
}
