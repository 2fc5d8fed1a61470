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
  /// libdeflate's level 4: on 900 of a daily release's pages, JSON and charts it wrote the
  /// bytes zlib's level 5 wrote (ratio 0.214 against 0.213) in half the time (178 MB/s against
  /// 92); level 1 ran at 310 MB/s for 6% more bytes, level 6 at 120 MB/s for 5% fewer.
  static let level: Int32 = 4
  private static let compressors = DeflateCompressorPool(level: level)
  /// The header libdeflate writes (mtime 0, no name), which `GzipStream` starts with too.
  static let header = Array(compress([]).prefix(10))

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
    compress(bytes, bound: libdeflate_gzip_compress_bound, with: libdeflate_gzip_compress)
  }

  /// `bytes` as a raw deflate stream (RFC 1951), ending with a final block.
  static func deflate(_ bytes: [UInt8]) -> [UInt8] {
    compress(bytes, bound: libdeflate_deflate_compress_bound, with: libdeflate_deflate_compress)
  }

  private static func compress(
    _ bytes: [UInt8], bound: (OpaquePointer, Int) -> Int,
    with compress: (OpaquePointer, UnsafeRawPointer?, Int, UnsafeMutableRawPointer?, Int) -> Int
  ) -> [UInt8] {
    compressors.withCompressor { compressor in
      let bound = bound(compressor, bytes.count)
      return [UInt8](unsafeUninitializedCapacity: bound) { output, written in
        written = bytes.withUnsafeBytes { input in
          compress(compressor, input.baseAddress, input.count, output.baseAddress, bound)
        }
        precondition(written > 0, "libdeflate found no room for \(bytes.count) bytes in its own bound")
      }
    }
  }
}
