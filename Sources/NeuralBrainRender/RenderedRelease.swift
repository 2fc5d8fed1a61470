import NeuralBrainCore

/// A rendered release: every file, sorted by path, and the key of each region page, which the
/// next run compares to reuse the pages whose inputs did not change (`PreviousRelease`).
public struct RenderedRelease: Sendable {
  public var files: [SiteFile]
  /// Page key by region page path (`region/<id>.html`).
  public var pageKeys: [String: String]
  /// The files whose bytes were read from the live release (`PreviousRelease`): the publisher
  /// links them without reading them again.
  public var fromLiveRelease: Set<SitePath>
}
