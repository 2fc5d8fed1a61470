import Foundation
import Testing

@testable import NeuralBrainCore

@Suite("SHA-256 on the CPU's SHA extensions and in Swift")
struct SHA256HasherTests {
  @Test(
    "both compressions give the NIST digests",
    arguments: [
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func vectors(input: String, digest: String) {
    for accelerated in [true, false] {
      var hasher = SHA256Hasher(accelerated: accelerated)
      hasher.update(Array(input.utf8))
      #expect(hasher.finalizeHex() == digest, "accelerated: \(accelerated)")
    }
  }

  @Test("both compressions agree on every length up to 300 bytes and on a megabyte fed in pieces")
  func agree() {
    var generator = SplitMix64(seed: 42)
    let bytes = (0..<1_000_003).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    for length in Array(0...300) + [bytes.count] {
      var fast = SHA256Hasher(accelerated: true)
      var portable = SHA256Hasher(accelerated: false)
      var offset = 0
      while offset < length {
        let end = min(offset + 1 + offset % 4_099, length)
        fast.update(Array(bytes[offset..<end]))
        portable.update(Array(bytes[offset..<end]))
        offset = end
      }
      #expect(fast.finalizeHex() == portable.finalizeHex(), "length \(length)")
    }
  }

  /// Whether /proc/cpuinfo lists the SHA extensions (x86-64 Linux).
  static let cpuHasSHA = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").contains(" sha_ni")

  @Test("a CPU with the SHA extensions uses them", .enabled(if: cpuHasSHA, "this CPU has no SHA extensions"))
  func extensionsUsed() {
    #expect(SHA256Hasher.usesCPUExtensions)
  }
}
