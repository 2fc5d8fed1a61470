import NeuralBrainIngest

/// What the command line says about a run; nil (or empty) leaves the configuration file's value,
/// else the default (`Workspace.runOptions`).
public struct RunOverrides: Sendable, Hashable {
  /// A source kind name: demo, csv, hub, jhu, owid or diseasesh.
  public var source: String?
  public var inputs: [String] = []
  public var url: String?
  public var regions: Int?
  public var seed: UInt64?
  public var steps: Int?
  public var templates: String?
  public var baseURL: String?

  public init(
    source: String? = nil, inputs: [String] = [], url: String? = nil, regions: Int? = nil, seed: UInt64? = nil,
    steps: Int? = nil, templates: String? = nil, baseURL: String? = nil
  ) {
    self.source = source
    self.inputs = inputs
    self.url = url
    self.regions = regions
    self.seed = seed
    self.steps = steps
    self.templates = templates
    self.baseURL = baseURL
  }

  /// What is wrong with these overrides, as a usage message naming the option; nil when valid.
  public var problem: String? {
    if let regions, !(1...DemoSource.maximumRegions).contains(regions) {
      return "--regions must be between 1 and \(DemoSource.maximumRegions)"
    }
    if let steps, !(1...60).contains(steps) { return "--steps must be between 1 and 60" }
    if let source, SourceKind(rawValue: source) == nil {
      return "--source must be one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))"
    }
    return nil
  }
}
