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
  /// Creates `url`, which must not exist, with permissions `mode`, to be written a piece at a
  /// time through the returned output (a file too large to hold in memory whole).
  func createOutput(_ url: URL, mode: Int) throws(FileSystemError) -> any FileOutput
  /// Opens the regular file `url` to be read a piece at a time.
  func openInput(_ url: URL) throws(FileSystemError) -> any FileInput
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

/// A file being written a piece at a time; `close` must be called once the last piece is in.
public protocol FileOutput: AnyObject, Sendable {
  /// Appends `bytes` to the file.
  func write(_ bytes: [UInt8]) throws(FileSystemError)
  /// Closes the file; nothing more can be written.
  func close()
}

/// A file being read a piece at a time, from its start.
public protocol FileInput: AnyObject, Sendable {
  /// The next `count` bytes, fewer at the end of the file; empty once it is read whole.
  func read(upTo count: Int) throws(FileSystemError) -> [UInt8]
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
