import NeuralBrainCore

/// The live release, as the renderer may reuse it: its files and the key of each region page.
///
/// A region page's key is the SHA-256 of everything the page and its chart are made from (the
/// forecast document, the page's site fields, its verdict, the templates, the stylesheet and the
/// program's build). A page whose key is unchanged is the live page, read instead of rendered.
public struct PreviousRelease: Sendable {
  /// A file of the live release, or nil when it has none at that path.
  public var read: @Sendable (SitePath) -> [UInt8]?
  /// Page key by region page path (`region/<id>.html`).
  public var pageKeys: [String: String]

  public init(read: @escaping @Sendable (SitePath) -> [UInt8]?, pageKeys: [String: String]) {
    self.read = read
    self.pageKeys = pageKeys
  }
}
