import NeuralBrainCore

/// SHA-256 of an input's raw bytes, in hex, recorded as provenance.
///
/// Sources that read several files or responses feed them all, in read order, into one hash.
struct ContentHash {
  private var hasher = SHA256Hasher()

  init() {}

  /// A hash fed `bytes` first.
  init(_ bytes: [UInt8]) { hasher.update(bytes) }

  mutating func update(_ bytes: [UInt8]) { hasher.update(bytes) }

  func finalizeHex() -> String { hasher.finalizeHex() }

  /// The hex digest of `bytes`.
  static func hex(_ bytes: [UInt8]) -> String { SHA256Hasher.hex(bytes) }
}
