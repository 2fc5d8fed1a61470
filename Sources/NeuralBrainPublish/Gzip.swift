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
  /// One below zlib's default: on 1,200 of a daily release's pages, JSON and charts, level 5
  /// took 18% less time than 6 for 1.2% more bytes (level 4: 36% less, 6.4% more; level 9
  /// twice the time for 1–2% fewer).
  static let level: Int32 = 5

  /// The `.gz` sibling of `file`, or nil when it is not text or smaller than `minimumSize`.
  public static func sibling(of file: SiteFile) -> SiteFile? {
    guard file.contents.count >= minimumSize, let path = siblingPath(of: file.path) else { return nil }
    return SiteFile(path: path, contents: compress(file.contents))
  }

  /// Where the `.gz` sibling of a text file at `path` goes; nil for other types.
  static func siblingPath(of path: SitePath) -> SitePath? {
    guard textExtensions.contains(path.fileExtension), let last = path.components.last else { return nil }
    return SitePath(path.components.dropLast() + [last + ".gz"])
  }

  /// `bytes` as a gzip member (RFC 1952).
  public static func compress(_ bytes: [UInt8]) -> [UInt8] {
    let stream = GzipStream()
    return stream.compress(bytes, finishing: true)
  }
}

/// A gzip member compressed a piece at a time: the `.gz` sibling of a file the release builds
/// by appending (`ReleaseSink.append`), which never exists whole in memory.
final class GzipStream {
  private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

  init() {
    stream.initialize(to: z_stream())
    guard nb_deflate_init_gzip(stream, Gzip.level) == Z_OK else {
      preconditionFailure("zlib could not initialise a gzip stream")
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deallocate()
  }

  /// Compresses `bytes`, returning what zlib has finished so far; with `finishing`, the input is
  /// the last piece and the result ends the member.
  ///
  /// zlib reads the input in place and writes 64 KiB at a time: a 300 MB `global.json` costs
  /// its compressed size, not a copy of itself and an output buffer of its own size.
  func compress(_ bytes: [UInt8], finishing: Bool) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 4 + 64)
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let flush = finishing ? Z_FINISH : Z_NO_FLUSH
    var status = Z_OK
    bytes.withUnsafeBufferPointer { source in
      stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
      stream.pointee.avail_in = uInt(source.count)
      repeat {
        chunk.withUnsafeMutableBufferPointer { target in
          stream.pointee.next_out = target.baseAddress
          stream.pointee.avail_out = uInt(target.count)
          status = deflate(stream, flush)
          output.append(contentsOf: target[..<(target.count - Int(stream.pointee.avail_out))])
        }
        // Without finishing, zlib is done with this piece once it leaves output space unused.
      } while status == Z_OK && (finishing || stream.pointee.avail_out == 0)
    }
    precondition(
      finishing ? status == Z_STREAM_END : (status == Z_OK || status == Z_BUF_ERROR),
      "zlib failed to compress (status \(status))")
    stream.pointee.next_in = nil
    return output
  }
}
