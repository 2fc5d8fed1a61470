import Foundation
import Testing

/// Byte-for-byte comparison with a file under `Golden/`; `RECORD_GOLDEN=1` rewrites it.
enum Golden {
  static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

  static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = SiteFixtures.goldenDirectory.appendingPathComponent(name)
    if isRecording {
      try FileManager.default.createDirectory(
        at: SiteFixtures.goldenDirectory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    // A missing golden file means it was never recorded: run `RECORD_GOLDEN=1 swift test`.
    let data = try #require(
      FileManager.default.contents(atPath: url.path),
      "Golden/\(name) is missing; record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
    let expected = String(decoding: data, as: UTF8.self)
    #expect(
      actual == expected,
      "output differs from Golden/\(name); re-record with RECORD_GOLDEN=1 if the change is intended",
      sourceLocation: sourceLocation)
  }
}
