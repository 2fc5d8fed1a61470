import Foundation
import NeuralBrainCore
import NeuralBrainEnvironment

/// Builds the one `DataSource` a run uses from its options, checking that the options fit
/// the kind (inputs given where files are read, a usable URL for disease.sh).
public enum SourceFactory {
  ///
  /// - Throws: `IngestError.invalidFlag` naming the flag when the option at fault, or the source
  ///   kind it does not fit, came from the command line; else `invalidOption` naming the key.
  public static func make(_ options: SourceOptions, environment: RunEnvironment, now: Date) throws(IngestError)
    -> any DataSource
  {
    let source: any DataSource
    do {
      source = try adapter(options, environment: environment, now: now)
    } catch .invalidOption(let key, let detail)
      where options.fromCommandLine.contains(key) || options.fromCommandLine.contains("kind")
    {
      throw .invalidFlag(flag: SourceOptions.flag(for: key) ?? "--source \(options.kind.rawValue)", detail: detail)
    }
    guard options.metrics != nil || options.frequency != nil else { return source }
    return DeclaredShapeSource(inner: source, metrics: options.metrics.map(Set.init), frequency: options.frequency)
  }

  static func adapter(_ options: SourceOptions, environment: RunEnvironment, now: Date) throws(IngestError)
    -> any DataSource
  {
    switch options.kind {
    case .demo:
      return DemoSource(
        regions: options.regions ?? DemoSource.defaultRegions, seed: options.seed ?? DemoSource.defaultSeed, now: now)
    case .csv:
      let path = try single(options)
      return CSVSource(
        path: path, cumulative: options.cumulative ?? false, corrections: options.corrections,
        maxBytes: options.maxBytes, fileSystem: environment.fileSystem, now: now)
    case .hub:
      guard (1...2).contains(options.inputs.count) else {
        throw .invalidOption(
          key: "inputs",
          detail:
            "the hub source reads a target-data file and optionally a locations file; \(options.inputs.count) given")
      }
      return HubSource(
        path: options.inputs[0], locationsPath: options.inputs.count == 2 ? options.inputs[1] : nil,
        target: options.target ?? HubSource.defaultTarget, maxBytes: options.maxBytes,
        fileSystem: environment.fileSystem, now: now)
    case .jhu:
      _ = try JHUSource.metrics(for: JHUSource.split(options.inputs).series)
      return JHUSource(
        inputs: options.inputs, corrections: options.corrections, maxBytes: options.maxBytes,
        fileSystem: environment.fileSystem, now: now)
    case .owid:
      return OWIDSource(
        path: try single(options), corrections: options.corrections, maxBytes: options.maxBytes,
        fileSystem: environment.fileSystem, now: now)
    case .diseasesh:
      let base = options.url ?? DiseaseShSource.defaultBaseURL
      guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
        throw .invalidOption(key: "url", detail: "\"\(base)\" is not an http(s) URL")
      }
      let countries = options.countries ?? DiseaseShSource.defaultCountries
      guard !countries.isEmpty, !countries.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
        throw .invalidOption(key: "countries", detail: "list at least one country, and no empty names")
      }
      let fetcher = HTTPFetcher(
        session: environment.http, clock: environment.clock, timeout: .seconds(rounding: options.timeoutSeconds),
        retries: options.retries, maxBytes: options.maxBytes, retryDelay: .milliseconds(500))
      return DiseaseShSource(
        baseURL: base, countries: countries, corrections: options.corrections, fetcher: fetcher, now: now)
    }
  }

  /// The one input path of a single-file source.
  private static func single(_ options: SourceOptions) throws(IngestError) -> String {
    guard options.inputs.count == 1 else {
      throw .invalidOption(
        key: "inputs",
        detail: "the \(options.kind.rawValue) source reads exactly one file; \(options.inputs.count) given")
    }
    return options.inputs[0]
  }
}
