import Foundation
import NeuralBrainCore
import NeuralBrainRender
import Testing

@testable import NeuralBrainPipeline

/// The digest that decides whether a rerun may publish the live release again: equal inputs
/// give equal digests, and each input a page depends on changes it.
@Suite("release inputs digest")
struct ReleaseInputsTests {
  static let now = Date(timeIntervalSince1970: 1_741_600_800)  // 2025-03-10 10:00 UTC

  static func inputs() -> ReleaseInputs {
    let region = Region(id: "north", code: "N", name: "North", population: 1_000_000)
    let end = Day(year: 2025, month: 3, day: 9)!
    let dataset = Dataset(
      provenance: Provenance(
        source: "test", sourceURL: "file.csv", retrievedAt: now, dataAsOf: end, contentSHA256: nil),
      frequency: .daily, regions: [region],
      series: [
        IncidentSeries(
          region: region, metric: .cases, frequency: .daily, start: end.adding(days: -4),
          values: [10, nil, 12, 13, 15])
      ])
    return ReleaseInputs(
      data: .parsed(dataset), options: RunOptions(now: now),
      templates: [TemplateFile(name: "index", text: "<h1>{{title}}</h1>", path: "templates/index.mustache")],
      providers: [("openai", false), ("local", true)], firstProvider: "local", build: "1234-5678")
  }

  /// One change to the inputs, and whether a page can depend on it.
  enum Change: String, CaseIterable, Sendable {
    case value, missingValue, regionName, population, template, seed, steps, baseURL, nextDay, sameDayLater
    case retrievedLater, providerKey, firstProvider, build, note

    var changesDigest: Bool { self != .sameDayLater && self != .retrievedLater }
    /// Whether the change is to the data set rather than a setting.
    var changesData: Bool { [.value, .missingValue, .regionName, .population, .retrievedLater, .note].contains(self) }

    func apply(to inputs: inout ReleaseInputs) {
      switch self {
      case .value: inputs.dataset.series[0].values[4] = 16
      case .missingValue: inputs.dataset.series[0].values[1] = 11
      case .regionName: inputs.dataset.regions[0].name = "North (new)"
      case .population: inputs.dataset.regions[0].population = 1_000_001
      case .template: inputs.templates[0].text += " "
      case .seed: inputs.options.seed += 1
      case .steps: inputs.options.steps = 14
      case .baseURL: inputs.options.baseURL = "https://example.org/"
      case .nextDay: inputs.options.now += 86_400
      case .sameDayLater: inputs.options.now += 3_600
      case .retrievedLater: inputs.dataset.provenance.retrievedAt += 3_600
      case .providerKey: inputs.providers[0].isReady = true
      case .firstProvider: inputs.firstProvider = "openai"
      case .build: inputs.build = "1234-5679"
      case .note:
        inputs.dataset.notes.append(
          IngestNote(regionID: "north", metric: .cases, date: Day(year: 2025, month: 3, day: 8)!, message: "corrected"))
      }
    }
  }

  @Test("the same inputs give the same digest, 64 hex digits")
  func stable() {
    let digest = Self.inputs().digest
    #expect(digest == Self.inputs().digest)
    #expect(digest.count == 64 && digest.allSatisfy(\.isHexDigit))
  }

  @Test("a change a page depends on changes the digest", arguments: Change.allCases)
  func changes(_ change: Change) {
    var changed = Self.inputs()
    change.apply(to: &changed)
    #expect((changed.digest != Self.inputs().digest) == change.changesDigest)
  }

  /// The same settings with the data entering as a source's input fingerprint.
  static func fingerprinted(_ fingerprint: String = "hub 0123") -> ReleaseInputs {
    var inputs = Self.inputs()
    inputs.data = .fingerprint(fingerprint)
    return inputs
  }

  @Test(
    "with an input fingerprint, every setting still changes the digest",
    arguments: Change.allCases.filter { !$0.changesData })
  func fingerprintChanges(_ change: Change) {
    var changed = Self.fingerprinted()
    change.apply(to: &changed)
    #expect((changed.digest != Self.fingerprinted().digest) == change.changesDigest)
  }

  @Test("an input fingerprint gives its own digest: another fingerprint or staleness threshold changes it")
  func fingerprint() {
    #expect(Self.fingerprinted().digest == Self.fingerprinted().digest)
    #expect(Self.fingerprinted().digest != Self.fingerprinted("hub 0124").digest)
    #expect(Self.fingerprinted().digest != Self.inputs().digest)
    var threshold = Self.fingerprinted()
    threshold.options.staleAfterDays = 30
    #expect(threshold.digest != Self.fingerprinted().digest)
  }

  @Test("the digest follows whether the data is stale, not the threshold itself")
  func staleness() {
    func inputs(staleAfter days: Int) -> ReleaseInputs {
      var inputs = Self.inputs()
      inputs.options.staleAfterDays = days
      return inputs
    }
    // The data is one day old.
    #expect(Staleness.isStale(dataset: Self.inputs().dataset, now: Self.now, afterDays: 0))
    #expect(!Staleness.isStale(dataset: Self.inputs().dataset, now: Self.now, afterDays: 1))
    #expect(inputs(staleAfter: 0).digest != inputs(staleAfter: 1).digest)
    #expect(inputs(staleAfter: 1).digest == inputs(staleAfter: 30).digest)
  }
}

extension ReleaseInputs {
  /// The parsed data set the tests' inputs enter as.
  fileprivate var dataset: Dataset {
    get {
      guard case .parsed(let dataset) = data else { preconditionFailure("these inputs hold a fingerprint") }
      return dataset
    }
    set { data = .parsed(newValue) }
  }
}
