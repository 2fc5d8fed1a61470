import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// The raw bytes of one input file, checked for size before reading and for UTF-8 after.
///
/// Sources parse `bytes` directly (no `String` per line), starting at `contentStart`, which
/// skips a UTF-8 byte-order mark.
struct InputFile: Sendable {
  let path: String
  let bytes: [UInt8]
  let contentStart: Int

  /// Reads `path` if it is a regular file of at most `maxBytes` bytes containing UTF-8 text.
  /// How published pages and files name local inputs: their file names, never the path on the
  /// machine that ran the job (`target-hospital-admissions.csv, locations.csv`).
  static func publicName(of paths: [String]) -> String {
    paths.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
  }

  static func read(path: String, maxBytes: Int, fileSystem: any FileSystem) throws(IngestError) -> InputFile {
    let url = URL(fileURLWithPath: path)
    let data: Data
    do {
      let size = try fileSystem.size(of: url)
      guard size <= maxBytes else { throw IngestError.fileTooLarge(path: path, size: size, limit: maxBytes) }
      data = try fileSystem.contents(of: url)
    } catch let error as IngestError {
      throw error
    } catch let error as FileSystemError {
      throw error.isMissing ? .fileNotFound(path: path) : .unreadable(path: path, reason: error.reason)
    } catch {
      throw .unreadable(path: path, reason: ErrorText.describe(error))
    }
    guard data.count <= maxBytes else { throw .fileTooLarge(path: path, size: data.count, limit: maxBytes) }
    return try InputFile(path: path, bytes: [UInt8](data))
  }

  /// Wraps bytes already in memory (an HTTP body, a test) after the same encoding checks.
  init(path: String, bytes: [UInt8]) throws(IngestError) {
    self.path = path
    self.bytes = bytes
    self.contentStart = try UTF8Check.validate(bytes, path: path)
    guard bytes[contentStart...].contains(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }) else {
      throw .emptyFile(path: path)
    }
  }
}
