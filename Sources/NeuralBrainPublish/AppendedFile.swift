import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// A file of a release built a piece at a time (`ReleaseSink.append`), with its `.gz` sibling
/// compressed as the pieces come and, when an archive snapshot keeps it, its SHA-256.
///
/// Only whole pieces are ever in memory, so `global.json` and `hub.csv` cost a batch of regions,
/// not the release. The renderer builds such a file from parts that are themselves checked (each
/// region document is also a file of its own) inside a frame made by the JSON encoder, so it is
/// not parsed again as a whole. The sibling is removed at the end if the file stayed smaller than
/// `Gzip.minimumSize`, as a sibling is for any other file. Each piece is compared with the live
/// release's file at the same path as it is written: a file that ends the same, byte for byte, is
/// replaced by a hard link to the live one (with its sibling), as any other unchanged file is.
final class AppendedFile {
  let path: SitePath
  private let url: URL
  private let fileSystem: any FileSystem
  private let output: any FileOutput
  private let compressed: (stream: GzipStream, output: any FileOutput, url: URL)?
  private var hasher: SHA256Hasher?
  private var size = 0
  /// The live release's file at this path, while every piece so far matched it.
  private var live: (input: any FileInput, url: URL)?

  init(
    path: SitePath, in directory: URL, live liveDirectory: URL?, compressed: Bool, hashed: Bool,
    fileSystem: any FileSystem
  ) throws(PublishError) {
    self.path = path
    self.fileSystem = fileSystem
    url = directory.appendingPathComponent(path.description)
    hasher = hashed ? SHA256Hasher() : nil
    live = liveDirectory.map { $0.appendingPathComponent(path.description) }.flatMap { url in
      (try? fileSystem.openInput(url)).map { ($0, url) }
    }
    do throws(FileSystemError) {
      output = try fileSystem.createOutput(url, mode: 0o444)
      if compressed, let sibling = Gzip.siblingPath(of: path) {
        let siblingURL = directory.appendingPathComponent(sibling.description)
        self.compressed = (GzipStream(), try fileSystem.createOutput(siblingURL, mode: 0o444), siblingURL)
      } else {
        self.compressed = nil
      }
    } catch {
      throw .cannotWrite(path: error.path, reason: error.reason)
    }
  }

  /// Writes `bytes` at the end of the file and compresses them into the sibling.
  func append(_ bytes: [UInt8]) throws(PublishError) {
    do throws(FileSystemError) {
      try output.write(bytes)
      if let compressed { try compressed.output.write(compressed.stream.compress(bytes, finishing: false)) }
    } catch {
      throw .cannotWrite(path: error.path, reason: error.reason)
    }
    hasher?.update(bytes)
    size += bytes.count
    if let input = live?.input, (try? input.read(upTo: bytes.count)) != bytes { live = nil }
  }

  /// Closes the file and its sibling, which takes the file's times (or links both to the live
  /// release's when the file is the live one's); returns the file's SHA-256 when it was hashed.
  func finish() throws(PublishError) -> String? {
    output.close()
    do throws(FileSystemError) {
      if let compressed {
        try compressed.output.write(compressed.stream.compress([], finishing: true))
        compressed.output.close()
        if size < Gzip.minimumSize {
          try fileSystem.remove(compressed.url)
        } else {
          try fileSystem.copyTimes(to: compressed.url, from: url)
        }
      }
      if let live, try live.input.read(upTo: 1).isEmpty {
        try fileSystem.remove(url)
        try fileSystem.link(url, to: live.url)
        let liveSibling = live.url.appendingPathExtension("gz")
        if let compressed, fileSystem.exists(compressed.url), fileSystem.exists(liveSibling) {
          try fileSystem.remove(compressed.url)
          try fileSystem.link(compressed.url, to: liveSibling)
        }
      }
    } catch {
      throw .cannotWrite(path: error.path, reason: error.reason)
    }
    return hasher?.finalizeHex()
  }

  /// Closes the file and its sibling without finishing them (the release is discarded).
  func abandon() {
    output.close()
    compressed?.output.close()
  }
}
