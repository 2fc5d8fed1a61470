import CZlib
import NeuralBrainCore
import Testing

@testable import NeuralBrainPublish

@Suite("A gzip member from chunks compressed apart")
struct GzipStreamTests {
  /// Text of `count` bytes, from repetitive (small `alphabet`) to nearly random, so that streams
  /// end at every bit of their last byte.
  static func text(count: Int, alphabet: Int, seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    return (0..<count).map { _ in UInt8(ascii: "a") + UInt8(random.next() % UInt64(alphabet)) }
  }

  /// `member` read as one gzip member by zlib: its bytes, or nil with what is wrong.
  static func inflateMember(_ member: [UInt8]) -> Result<[UInt8], InflateFailure> {
    guard member.count >= 18, Array(member.prefix(10)) == Gzip.header else { return .failure(.header) }
    var inflater = z_stream()
    guard nb_inflate_init_raw(&inflater) == Z_OK else { return .failure(.zlib(Z_STREAM_ERROR)) }
    defer { inflateEnd(&inflater) }
    var output: [UInt8] = []
    var scratch = [UInt8](repeating: 0, count: 4_096)
    var body = Array(member.dropFirst(10))
    var status = Z_OK
    body.withUnsafeMutableBufferPointer { input in
      inflater.next_in = input.baseAddress
      inflater.avail_in = uInt(input.count)
      repeat {
        scratch.withUnsafeMutableBufferPointer { buffer in
          inflater.next_out = buffer.baseAddress
          inflater.avail_out = uInt(buffer.count)
          status = inflate(&inflater, Z_NO_FLUSH)
          output += buffer[..<(buffer.count - Int(inflater.avail_out))]
        }
      } while status == Z_OK
    }
    guard status == Z_STREAM_END else { return .failure(.zlib(status)) }
    let trailer = Array(member.suffix(Int(inflater.avail_in)))
    guard trailer == Self.trailer(of: output) else { return .failure(.trailer(bytesAfterStream: trailer.count)) }
    return .success(output)
  }

  enum InflateFailure: Error, Equatable {
    case header
    case zlib(Int32)
    /// The stream did not end in the member's 8-byte trailer (a second member follows, or the
    /// check or length is wrong).
    case trailer(bytesAfterStream: Int)
  }

  @Test("streams joined after continuable(_:) read as their texts in order, whatever bit they end on")
  func joined() throws {
    var stream: [UInt8] = []
    var expected: [UInt8] = []
    var padding = Set<Int>()
    for index in 0..<96 {
      let text = Self.text(count: 1 + index * 37, alphabet: [2, 9, 26][index % 3], seed: UInt64(index))
      let complete = Gzip.deflate(text)
      let continuable = GzipStream.continuable(complete)
      // Stored padding adds 4 or 5 bytes, fixed padding 1 to 3, none when the stream ends on a byte.
      padding.insert(continuable.count - complete.count)
      stream += continuable
      expected += text
    }
    let member = Gzip.header + stream + [0x03, 0x00] + Self.trailer(of: expected)
    #expect(try Self.inflateMember(member).get() == expected)
    #expect(padding == [0, 1, 2, 3, 4, 5], "every way of padding was met")
  }

  @Test(
    "pieces of any size make one gzip member of their bytes",
    arguments: [1, 700, 64 << 10, GzipStream.defaultChunkSize])
  func pieces(chunkSize: Int) throws {
    let gzip = GzipStream(chunkSize: chunkSize)
    var member: [UInt8] = []
    var expected: [UInt8] = []
    for (index, size) in [0, 5, 1_000, 0, 70_000, 3, 200_000, 12].enumerated() {
      let piece = Self.text(count: size, alphabet: 4 + index, seed: UInt64(100 + index))
      member += gzip.compress(piece, finishing: false)
      expected += piece
    }
    let last = Self.text(count: 333, alphabet: 20, seed: 7)
    member += gzip.compress(last, finishing: true)
    expected += last
    #expect(try Self.inflateMember(member).get() == expected)
    #expect(member.count < expected.count / 2)
  }

  @Test("a member of nothing, finished at once, is a gzip member of no bytes")
  func empty() throws {
    let member = GzipStream().compress([], finishing: true)
    #expect(try Self.inflateMember(member).get() == [])
  }

  /// The gzip trailer of `bytes`: zlib's CRC-32 and the length, little-endian.
  static func trailer(of bytes: [UInt8]) -> [UInt8] {
    let crc = UInt32(crc32(0, bytes, uInt(bytes.count)))
    return [crc, UInt32(truncatingIfNeeded: bytes.count)].flatMap { value in
      (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
  }
}
