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

  /// Where the string value of the top-level `key` is in a `JSONOutput` document (pretty printed,
  /// so a top-level key is the only one indented by two spaces). Searched from the end: both
  /// keys sort after the long `metrics`. The values (a slug, an ISO time) hold no quote.
  static func valueRange(of key: String, in bytes: [UInt8]) -> Range<Int>? {
    let marker = Array("\n  \"\(key)\" : \"".utf8)
    var start = bytes.count - marker.count
    while start >= 0 {
      if bytes[start] == marker[0], bytes[start..<start + marker.count].elementsEqual(marker) {
        let valueStart = start + marker.count
        guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return valueStart..<end
      }
      start -= 1
    }
    return nil
  }
}
