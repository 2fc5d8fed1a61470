import CSHA256

/// SHA-256 (FIPS 180-4) of bytes fed in any number of pieces.
///
/// NeuralBrain hashes for identity, not secrecy: the provenance hash of each input, the
/// stylesheet's fingerprint, the archive's `SHA256SUMS`, each region page's key. A small
/// implementation here, checked against the NIST vectors and the system's `sha256sum`, spares
/// the build a second copy of BoringSSL (swift-crypto) next to the one HTTPS needs
/// (swift-nio-ssl). Blocks go through the CPU's SHA extensions where it has them (`CSHA256`,
/// 1,410 MiB/s against 248 for the Swift rounds below, which every other CPU runs;
/// `neuralbrain-bench`): a daily run of 10,000 regions hashes a gigabyte.
public struct SHA256Hasher: Sendable {

  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  /// Bytes of an incomplete block, waiting for more.
  private var pending: [UInt8] = []
  private var length: UInt64 = 0
  /// Whether blocks may go through the CPU's SHA extensions (tests and `neuralbrain-bench` turn
  /// it off to check and time the Swift rounds on a CPU that has them).
  private let accelerated: Bool

  public init() {
    accelerated = true
  }

  /// A hasher that uses the CPU's SHA extensions only when `accelerated` (the same digests).
  public init(accelerated: Bool) {
    self.accelerated = accelerated
  }

  public mutating func update(_ bytes: [UInt8]) {
    length &+= UInt64(bytes.count)
    var start = 0
    if !pending.isEmpty {
      let needed = 64 - pending.count
      pending += bytes.prefix(needed)
      start = min(needed, bytes.count)
      guard pending.count == 64 else { return }
      Self.compress(&state, pending[...], accelerated: accelerated)
      pending.removeAll(keepingCapacity: true)
    }
    let whole = (bytes.count - start) / 64 * 64
    if whole > 0 { Self.compress(&state, bytes[start..<(start + whole)], accelerated: accelerated) }
    pending += bytes[(start + whole)...]
  }

  /// The 32-byte digest of everything fed so far.
  public func finalize() -> [UInt8] {
    var copy = self
    var tail = copy.pending + [0x80]
    while tail.count % 64 != 56 { tail.append(0) }
    let bits = length &* 8
    tail += (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64($0))) }
    Self.compress(&copy.state, tail[...], accelerated: accelerated)
    return copy.state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
  }

  /// The lowercase hex digest of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    var hasher = SHA256Hasher()
    hasher.update(bytes)
    return hasher.finalizeHex()
  }

  /// The lowercase hex digest of everything fed so far.
  public func finalizeHex() -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] }, as: UTF8.self)
  }

  /// Whether this CPU's SHA extensions compress the blocks (zero blocks asked, to find out).
  static var usesCPUExtensions: Bool {
    var state = [UInt32](repeating: 0, count: 8)
    let byte: UInt8 = 0
    return withUnsafePointer(to: byte) { nb_sha256_compress(&state, $0, 0) != 0 }
  }

  /// Runs the compression function over `blocks` (a whole number of 64-byte blocks).
  private static func compress(_ state: inout [UInt32], _ blocks: ArraySlice<UInt8>, accelerated: Bool) {
    if accelerated,
      state.withUnsafeMutableBufferPointer({ words in
        blocks.withUnsafeBufferPointer { bytes in
          guard let words = words.baseAddress, let bytes = bytes.baseAddress else { return false }
          return nb_sha256_compress(words, bytes, blocks.count / 64) != 0
        }
      })
    {
      return
    }
    // FIPS 180-4's round constants, from `CSHA256` (whose compression uses them too).
    let k = UnsafeBufferPointer(start: nb_sha256_round_constants(), count: 64)
    var schedule = [UInt32](repeating: 0, count: 64)
    blocks.withUnsafeBufferPointer { bytes in
      schedule.withUnsafeMutableBufferPointer { w in
        var block = 0
        while block < bytes.count {
          for t in 0..<16 {
            let i = block + 4 * t
            w[t] =
              UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
          }
          for t in 16..<64 {
            let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
            let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
          }
          var (a, b, c, d, e, f, g, h) = (
            state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
          )
          for t in 0..<64 {
            let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
            let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temp2 = s0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
          }
          state[0] &+= a
          state[1] &+= b
          state[2] &+= c
          state[3] &+= d
          state[4] &+= e
          state[5] &+= f
          state[6] &+= g
          state[7] &+= h
          block += 64
        }
      }
    }
  }
}

extension UInt32 {
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self >> count) | (self << (32 - count)) }
}
