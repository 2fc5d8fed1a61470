import CLibDeflate
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
  /// libdeflate's level 4 for whole files: on 900 of a daily release's pages, JSON and charts
  /// it wrote the bytes zlib's level 5 wrote (ratio 0.214 against 0.213) in half the time
  /// (178 MB/s against 92); level 1 ran at 310 MB/s for 6% more bytes, level 6 at 120 MB/s for
  /// 5% fewer.
  static let level: Int32 = 4
  /// zlib's level for files built by appending (libdeflate compresses whole buffers only): one
  /// below zlib's default, 18% less time than 6 for 1.2% more bytes.
  static let streamLevel: Int32 = 5
  private static let compressors = DeflateCompressorPool(level: level)

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

  /// `bytes` as a gzip member (RFC 1952), whose header libdeflate writes with mtime 0 and no
  /// name.
  public static func compress(_ bytes: [UInt8]) -> [UInt8] {
    compressors.withCompressor { compressor in
      let bound = libdeflate_gzip_compress_bound(compressor, bytes.count)
      return [UInt8](unsafeUninitializedCapacity: bound) { output, written in
        written = bytes.withUnsafeBytes { input in
          libdeflate_gzip_compress(compressor, input.baseAddress, input.count, output.baseAddress, bound)
        }
        precondition(written > 0, "libdeflate found no room for \(bytes.count) bytes in its own bound")
      }
    }
  }
}

/// A gzip member compressed a piece at a time: the `.gz` sibling of a file the release builds
/// by appending (`ReleaseSink.append`), which never exists whole in memory.
final class GzipStream {
  private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

  init() {
    stream.initialize(to: z_stream())
    guard nb_deflate_init_gzip(stream, Gzip.streamLevel) == Z_OK else {
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
