import Foundation
import NeuralBrainCore

/// Keeps an unchanged region's forecast as it was first issued.
///
/// A region's JSON document and page name the run that issued its forecast and when. When a
/// later run makes the same forecast, its document differs from the live release's only in
/// that run id and time; the region then keeps the earlier ones, so its document and page come
/// out byte for byte as before and the publisher links them instead of writing them again.
enum IssuedDocument {
  /// The run id and time `previous` was issued with, when `current` is the same document but
  /// for those two values; nil when anything else differs.
  static func earlierIssue(of current: [UInt8], previous: [UInt8]) -> (runID: String, timestamp: Date)? {
    guard let currentRun = valueRange(of: "run_id", in: current),
      let currentTime = valueRange(of: "timestamp", in: current),
      let previousRun = valueRange(of: "run_id", in: previous),
      let previousTime = valueRange(of: "timestamp", in: previous),
      currentRun.upperBound < currentTime.lowerBound, previousRun.upperBound < previousTime.lowerBound,
      current[..<currentRun.lowerBound] == previous[..<previousRun.lowerBound],
      current[currentRun.upperBound..<currentTime.lowerBound]
        == previous[previousRun.upperBound..<previousTime.lowerBound],
      current[currentTime.upperBound...] == previous[previousTime.upperBound...]
    else { return nil }
    let runID = String(decoding: previous[previousRun], as: UTF8.self)
    guard !runID.isEmpty, runID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
      let timestamp = try? Date(String(decoding: previous[previousTime], as: UTF8.self), strategy: .iso8601)
    else { return nil }
    return (runID, timestamp)
  }

  /// Where the string value of the top-level `key` is in a `JSONOutput` document (compact, so
  /// a key is `"key":"value"`). One pass tracks the nesting depth and skips over strings, so a
  /// key of a nested object or the same text inside a string never counts. The values (a run
  /// id, an ISO time) hold no quote or escape.
  static func valueRange(of key: String, in bytes: [UInt8]) -> Range<Int>? {
    let marker = Array("\"\(key)\":\"".utf8)
    let quote = UInt8(ascii: "\"")
    var depth = 0
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      case quote:
        if depth == 1, bytes[index...].starts(with: marker) {
          let valueStart = index + marker.count
          guard let end = bytes[valueStart...].firstIndex(of: quote) else { return nil }
          return valueStart..<end
        }
        // Skip the string, escapes included.
        index += 1
        while index < bytes.count, bytes[index] != quote {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
      default: break
      }
      index += 1
    }
    return nil
  }
}
