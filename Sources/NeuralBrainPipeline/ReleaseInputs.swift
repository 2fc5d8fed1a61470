import Foundation
import NeuralBrainCore
import NeuralBrainIngest
import NeuralBrainProviders
import NeuralBrainRender

/// Everything a run's release is made from, reduced to one SHA-256.
///
/// Two runs with the same digest whose forecasts come from the deterministic `local` provider
/// publish the same files, so the later run publishes the earlier release again, as hard
/// links, instead of forecasting and rendering it (docs/architecture.md, "Unchanged reruns").
/// The digest therefore covers every input a page shows or depends on: the data (every value,
/// region and provenance field but the retrieval time), the settings that shape a release, the
/// templates, which providers could run and which one the chain would ask first, the program's
/// build, the UTC day (it names the day's archive snapshot) and whether the data is stale. The
/// data enter as the parsed data set or, for a source that offers one, as its input fingerprint:
/// the data set, its staleness included, is a pure function of that fingerprint, the source
/// options, the build and the day, so a rerun can match without parsing.
struct ReleaseInputs: Sendable {
  /// What the data enter the digest as.
  enum Data: Sendable {
    case parsed(Dataset)
    case fingerprint(String)
  }

  var data: Data
  var options: RunOptions
  var templates: [TemplateFile]
  /// The providers in failover order, each with whether it could run (a key is set).
  var providers: [(name: String, isReady: Bool)]
  /// The provider the chain would ask first, with the health streaks that could promote another.
  var firstProvider: String
  var build: String

  /// The digest, as 64 lowercase hex digits.
  var digest: String {
    var hasher = SHA256Hasher()
    // Where an option came from changes no output (and a set describes itself in any order).
    var source = options.source
    source.fromCommandLine = []
    let settings = options.providers.settings.keys.sorted().map { name in
      "\(name)=\(options.providers.settings[name].map { String(describing: $0) } ?? "")"
    }
    let lines: [String] =
      [
        "neuralbrain release inputs v1",
        "build \(build)",
        "day \(ArchiveLayout.day(of: options.now).iso)",
        "source \(String(describing: source))",
        "seed \(options.seed)", "steps \(options.steps.map(String.init) ?? "default")",
        "base-url \(options.baseURL ?? "-")", "precompress \(options.precompress)",
        "email \(String(describing: options.email))",
        "order \(options.providers.order.joined(separator: ","))",
        "providers \(providers.map { "\($0.name):\($0.isReady)" }.joined(separator: ","))",
        "first \(firstProvider)",
      ] + settings
      + templates.sorted { $0.name < $1.name }.map { "template \($0.name) \(SHA256Hasher.hex(Array($0.text.utf8)))" }
    hasher.update(Array(lines.joined(separator: "\n").utf8))
    switch data {
    case .fingerprint(let fingerprint):
      hasher.update(
        Array("\ninput \(fingerprint)\nstale-after \(options.staleAfterDays.map(String.init) ?? "default")".utf8))
    case .parsed(let dataset):
      let provenance = dataset.provenance
      let described: [String] =
        [
          "",
          "stale \(Staleness.isStale(dataset: dataset, now: options.now, afterDays: options.staleAfterDays))",
          "provenance \(provenance.source)|\(provenance.sourceURL)|\(provenance.dataAsOf.iso)|"
            + "\(provenance.contentSHA256 ?? "-")|\(provenance.isSynthetic)|\(provenance.license ?? "-")",
          "frequency \(dataset.frequency)",
        ] + dataset.regions.map { "region \($0.id)|\($0.code)|\($0.name)|\(Self.number($0.population))" }
        + dataset.notes.map { "note \($0.regionID)|\($0.metric.rawValue)|\($0.date.iso)|\($0.message)" }
      hasher.update(Array(described.joined(separator: "\n").utf8))
      for seriesDigest in dataset.series.concurrentMap(Self.digest(of:)) { hasher.update(seriesDigest) }
    }
    return hasher.finalizeHex()
  }

  /// The SHA-256 of one series: its region, metric, calendar and every value's exact bits.
  static func digest(of series: IncidentSeries) -> [UInt8] {
    var bytes = Array(
      "\(series.region.id)|\(series.metric.rawValue)|\(series.frequency)|\(series.start.iso)|\(series.values.count)\n"
        .utf8)
    bytes.reserveCapacity(bytes.count + series.values.count * 9)
    for value in series.values {
      guard let value else {
        bytes.append(0)
        continue
      }
      bytes.append(1)
      withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    var hasher = SHA256Hasher()
    hasher.update(bytes)
    return hasher.finalize()
  }

  private static func number(_ value: Double?) -> String {
    value.map { String($0.bitPattern, radix: 16) } ?? "-"
  }
}
