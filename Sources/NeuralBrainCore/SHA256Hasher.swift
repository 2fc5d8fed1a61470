import CSHA256

/// SHA-256 (FIPS 180-4) of bytes fed in any number of pieces.
///
/// NeuralBrain hashes for identity, not secrecy: the provenance hash of each input, the
/// stylesheet's fingerprint, the archive's `SHA256SUMS`, each region page's key. A small
/// implementation here, checked against the NIST vectors and the system's `sha256sum`, spares
/// the build a second copy of BoringSSL (swift-crypto) next to the one HTTPS needs
/// (swift-nio-ssl). Blocks go through the CPU's SHA extensions where it has them (`CSHA256`,
/// 1.1 GB/s against 0.2 for the Swift rounds below, which every other CPU runs): a daily run of
/// 10,000 regions hashes a gigabyte.
public struct SHA256Hasher: Sendable {
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  /// Bytes of an incomplete block, waiting for more.
  private var pending: [UInt8] = []
  private var length: UInt64 = 0
  /// Whether blocks may go through the CPU's SHA extensions (tests turn it off to check the
  /// Swift rounds on a CPU that has them).
  private let accelerated: Bool

  public init() {
    accelerated = true
  }

  init(accelerated: Bool) {
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
    var schedule = [UInt32](repeating: 0, count: 64)
    blocks.withUnsafeBufferPointer { bytes in
      schedule.withUnsafeMutableBufferPointer { w in
        roundConstants.withUnsafeBufferPointer { k in
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
}

extension UInt32 {
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self >> count) | (self << (32 - count)) }
}
