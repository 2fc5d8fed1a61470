import CZlib
import NeuralBrainCore

/// Precompressed `.gz` siblings for `gzip_static` (conventions §3.2).
///
/// Web servers send `file.gz` to clients that accept gzip, so the site is compressed once per
/// run instead of once per request. The gzip header carries no time and no name, so the same
/// bytes compress to the same file every run.
public enum Gzip {
  /// Text types worth compressing.
  static let textExtensions: Set<String> = ["html", "css", "js", "json", "csv", "svg", "xml", "txt"]
  /// Smaller files gain too little to be worth a second file.
  static let minimumSize = 1_024

  /// The `.gz` sibling of `file`, or nil when it is not text or smaller than `minimumSize`.
  public static func sibling(of file: SiteFile) -> SiteFile? {
    guard textExtensions.contains(file.path.fileExtension), file.contents.count >= minimumSize,
      let last = file.path.components.last,
      let path = SitePath(file.path.components.dropLast() + [last + ".gz"])
    else { return nil }
    return SiteFile(path: path, contents: compress(file.contents))
  }

  /// `bytes` as a gzip member (RFC 1952) at zlib's default level 6: level 9 took twice the time
  /// for 1–2% smaller files.
  public static func compress(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    guard nb_deflate_init_gzip(&stream, 6) == Z_OK else {
      preconditionFailure("zlib could not initialise a gzip stream")
    }
    defer { deflateEnd(&stream) }
    // zlib reads the input in place and writes 64 KiB at a time: a 300 MB `global.json` costs
    // its compressed size, not a copy of itself and an output buffer of its own size.
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 4 + 64)
    var chunk = [UInt8](repeating: 0, count: 65_536)
    var status = Z_OK
    bytes.withUnsafeBufferPointer { source in
      stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
      stream.avail_in = uInt(source.count)
      repeat {
        chunk.withUnsafeMutableBufferPointer { target in
          stream.next_out = target.baseAddress
          stream.avail_out = uInt(target.count)
          status = deflate(&stream, Z_FINISH)
          output.append(contentsOf: target[..<(target.count - Int(stream.avail_out))])
        }
      } while status == Z_OK
    }
    precondition(status == Z_STREAM_END, "zlib failed to compress (status \(status))")
    return output
  }
}
