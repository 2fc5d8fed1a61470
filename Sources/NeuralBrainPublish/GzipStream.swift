import CLibDeflate
import CZlib

/// A gzip member built a piece at a time: the `.gz` sibling of a file the release builds by
/// appending (`ReleaseSink.append`), which never exists whole in memory.
///
/// The pieces are gathered into chunks of at least `chunkSize` bytes, and libdeflate compresses
/// each chunk whole, as it does every other file: twice zlib's speed for fewer bytes (a
/// 10,000-region `global.json` in 5 MB chunks: 1.0 CPU-second per 100 MB and ratio 0.259,
/// against zlib's streaming level 5 at 2.0 s and 0.262). A chunk's stream ends with a final
/// block; `continuable(_:)` clears that block's final bit and pads the stream to a byte with
/// empty blocks, as zlib's `gzjoin` example joins members, so the chunks make one deflate
/// stream and the file one gzip member that every reader takes, browsers included. Each chunk
/// starts with an empty window: a loss of 32 KB of history every few megabytes.
final class GzipStream {
  /// Bytes gathered before a chunk is compressed: enough that the window reset at each chunk's
  /// start costs nothing measurable, little enough to hold beside a batch of regions.
  static let defaultChunkSize = 4 << 20

  private let chunkSize: Int
  private var pending: [UInt8] = []
  private var crc: UInt32 = 0
  private var length: UInt32 = 0
  private var started = false

  init(chunkSize: Int = defaultChunkSize) {
    self.chunkSize = chunkSize
  }

  /// Takes `bytes`, returning what is compressed so far (the header, then a chunk whenever the
  /// gathered pieces reach `chunkSize`); with `finishing`, the input is the last piece and the
  /// result ends the member.
  func compress(_ bytes: [UInt8], finishing: Bool) -> [UInt8] {
    var output = started ? [] : Gzip.header
    started = true
    crc = bytes.withUnsafeBytes { libdeflate_crc32(crc, $0.baseAddress, $0.count) }
    length &+= UInt32(truncatingIfNeeded: bytes.count)
    if pending.isEmpty { pending = bytes } else { pending += bytes }
    if !pending.isEmpty, finishing || pending.count >= chunkSize {
      output += Self.continuable(Gzip.deflate(pending))
      pending = []
    }
    if finishing {
      // An empty final block (fixed Huffman codes, nothing but its end code), then the trailer.
      output += [0x03, 0x00]
      for value in [crc, length] { output += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    }
    return output
  }

  /// `stream` (a complete raw deflate stream) with its final block made an ordinary one and
  /// padded to a byte boundary, so that another stream can follow it.
  ///
  /// zlib's inflate walks the blocks (`Z_BLOCK` stops at the end of each) to find the bit that
  /// marks the final block and the bit where the stream ends; the padding is one or more empty
  /// blocks, stored or fixed, as in zlib's `examples/gzjoin.c`.
  static func continuable(_ stream: consuming [UInt8]) -> [UInt8] {
    var inflater = z_stream()
    guard nb_inflate_init_raw(&inflater) == Z_OK else { preconditionFailure("zlib could not start inflating") }
    defer { inflateEnd(&inflater) }
    var scratch = [UInt8](repeating: 0, count: 65_536)
    // Where the header of the block being decoded keeps its final bit.
    var header = (index: 0, mask: UInt8(1))
    var end = (consumed: 0, unusedBits: 0)
    stream.withUnsafeMutableBufferPointer { input in
      inflater.next_in = input.baseAddress
      inflater.avail_in = uInt(input.count)
      while true {
        let status = scratch.withUnsafeMutableBufferPointer { output in
          inflater.next_out = output.baseAddress
          inflater.avail_out = uInt(output.count)
          return inflate(&inflater, Z_BLOCK)
        }
        precondition(status == Z_OK, "libdeflate wrote a deflate stream zlib cannot read (status \(status))")
        let state = Int(inflater.data_type)
        guard state & 128 != 0 else { continue }  // Not at the end of a block yet.
        let consumed = input.count - Int(inflater.avail_in)
        let unusedBits = state & 7
        if state & 64 != 0 {
          input[header.index] &= ~header.mask
          end = (consumed, unusedBits)
          return
        }
        header = unusedBits == 0 ? (consumed, 1) : (consumed - 1, UInt8(0x100 >> unusedBits))
      }
    }
    precondition(end.consumed == stream.count, "libdeflate wrote bytes after the final block")
    guard end.unusedBits > 0, var last = stream.popLast() else { return stream }
    last &= UInt8((0x100 >> end.unusedBits) - 1)
    if end.unusedBits & 1 == 1 {
      // An empty stored block: three header bits, padding to the byte, length 0 and its complement.
      stream.append(last)
      if end.unusedBits == 1 { stream.append(0) }
      stream += [0x00, 0x00, 0xFF, 0xFF]
    } else {
      // Empty fixed blocks (10 bits each: header and end code) until the stream ends on a byte.
      switch end.unusedBits {
      case 6:
        stream.append(last | 0x08)
        last = 0
        fallthrough
      case 4:
        stream.append(last | 0x20)
        last = 0
        fallthrough
      default:
        stream += [last | 0x80, 0x00]
      }
    }
    return stream
  }
}
