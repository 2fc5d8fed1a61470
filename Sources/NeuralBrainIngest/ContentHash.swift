import Crypto

/// SHA-256 of an input's raw bytes, in hex, recorded as provenance (swift-crypto underneath).
///
/// Sources that read several files or responses feed them all, in read order, into one hash.
struct ContentHash {
  private var hasher = SHA256()

  mutating func update(_ bytes: [UInt8]) { hasher.update(data: bytes) }

  mutating func finalizeHex() -> String { Self.hex(of: hasher.finalize()) }

  /// The hex digest of `bytes`.
  static func hex(_ bytes: [UInt8]) -> String {
    var hash = ContentHash()
    hash.update(bytes)
    return hash.finalizeHex()
  }

  private static func hex(of digest: SHA256.Digest) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in digest {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
