import Foundation
import NeuralBrainCore
import Testing

@testable import NeuralBrainRender

/// A later run on the live release (issue 14): a region whose forecast did not change keeps the
/// run that issued it, and a page whose key did not change is the live page's bytes.
@Suite("reusing the live release's region files")
struct ReleaseReuseTests {
  /// The first run's release, and a second run one hour later on the same forecasts.
  static func secondRun() -> (first: SiteContent, second: SiteContent) {
    let first = SiteFixtures.content()
    var run = SiteFixtures.run()
    run.runID = "20261129T020000Z-0001"
    run.generatedAt = SiteFixtures.now.addingTimeInterval(3_600)
    return (first, SiteFixtures.content(run: run))
  }

  static func previous(_ release: RenderedRelease) -> PreviousRelease {
    let files = Dictionary(uniqueKeysWithValues: release.files.map { ($0.path, $0.contents) })
    return PreviousRelease(read: { files[$0] }, pageKeys: release.pageKeys)
  }

  static func text(_ release: RenderedRelease, _ path: String) -> String {
    String(decoding: release.files.first { $0.path.description == path }?.contents ?? [], as: UTF8.self)
  }

  @Test("an unchanged forecast keeps the issuing run's id and time, so its files are the live ones")
  func keepsIssuingRun() throws {
    let renderer = try SiteFixtures.renderer()
    let (first, second) = Self.secondRun()
    let live = try renderer.render(first, previous: nil)
    let next = try renderer.render(second, previous: Self.previous(live))
    for path in ["api/v1/forecasts/region/al.json", "region/al.html", "api/v1/charts/al.svg"] {
      #expect(Self.text(next, path) == Self.text(live, path), "\(path)")
    }
    #expect(Self.text(next, "region/al.html").contains("20261129T010000Z-0001"))
    #expect(Self.text(next, "index.html").contains("20261129T020000Z-0001"), "site-wide pages name this run")
    #expect(next.pageKeys == live.pageKeys)
    // Without the live release, the same content names this run everywhere.
    let fresh = try renderer.render(second, previous: nil)
    #expect(Self.text(fresh, "region/al.html").contains("20261129T020000Z-0001"))
  }

  @Test("a page whose key is the live page's is read, not rendered")
  func readsUnchangedPage() throws {
    let renderer = try SiteFixtures.renderer()
    let (first, second) = Self.secondRun()
    let live = try renderer.render(first, previous: nil)
    var previous = Self.previous(live)
    let read = previous.read
    // A marker in place of the live page proves which bytes the renderer used.
    previous.read = { path in path.description == "region/al.html" ? Array("<p>live page</p>".utf8) : read(path) }
    let next = try renderer.render(second, previous: previous)
    #expect(Self.text(next, "region/al.html") == "<p>live page</p>")
    previous.pageKeys["region/al.html"] = String(repeating: "0", count: 64)
    let rendered = try renderer.render(second, previous: previous)
    #expect(Self.text(rendered, "region/al.html").hasPrefix("<!DOCTYPE html>"), "a different key renders the page")
  }

  @Test("a changed forecast, a template or a build renders the region again under this run")
  func changesRender() throws {
    var renderer = try SiteFixtures.renderer()
    let (first, _) = Self.secondRun()
    let live = try renderer.render(first, previous: nil)
    var run = SiteFixtures.run()
    run.runID = "20261129T020000Z-0001"
    var changed = SiteFixtures.content(regionName: "Beta Province (new name)", run: run)
    changed.forecasts[0].derived.riskScore += 1
    let next = try renderer.render(changed, previous: Self.previous(live))
    #expect(Self.text(next, "region/al.html").contains("20261129T020000Z-0001"))
    #expect(next.pageKeys["region/al.html"] != live.pageKeys["region/al.html"])
    #expect(next.pageKeys["region/ga.html"] == live.pageKeys["region/ga.html"], "an unchanged region keeps its key")
    renderer.build = "another build"
    let rebuilt = try renderer.render(first, previous: Self.previous(live))
    #expect(Set(rebuilt.pageKeys.values).isDisjoint(with: live.pageKeys.values))
  }

  @Test(
    "earlier issue: only the top-level run id and time may differ",
    arguments: [
      (#"{"a":1,"run_id":"r2","timestamp":"2026-01-02T00:00:00Z"}"#, true),
      (#"{"a":2,"run_id":"r2","timestamp":"2026-01-02T00:00:00Z"}"#, false),
      (#"{"a":1,"run_id":"r2","timestamp":"2026-01-02T00:00:00Z","z":0}"#, false),
    ])
  func earlierIssue(current: String, reusable: Bool) throws {
    let previous = #"{"a":1,"run_id":"r1","timestamp":"2026-01-01T00:00:00Z"}"#
    let earlier = IssuedDocument.earlierIssue(of: Array(current.utf8), previous: Array(previous.utf8))
    #expect((earlier != nil) == reusable)
    if let earlier {
      #expect(earlier.runID == "r1")
      #expect(earlier.timestamp == Date(timeIntervalSince1970: 1_767_225_600))
    }
  }

  @Test("a nested run_id, or one inside a string, is not the document's")
  func nestedKey() {
    let document = Array(#"{"m":{"run_id":"x"},"n":"\"run_id\":\"z","s":["{"],"run_id":"y"}"#.utf8)
    let range = IssuedDocument.valueRange(of: "run_id", in: document)
    #expect(range.map { String(decoding: document[$0], as: UTF8.self) } == "y")
  }
}
