/// Where a release's files go as they are made, a batch at a time.
///
/// A large release does not fit in memory whole (10,000 daily regions render 1.5 GB of text), so
/// the renderer hands over each batch of files as soon as it is rendered, and builds its largest
/// files (`global.json`, `hub.csv`) by appending one piece per batch. The publisher's staging
/// folder is the live sink; a collector gathers a small release in memory for tests.
public protocol ReleaseSink: Sendable {
  /// Takes `files`, each at a path no other file of the release has; those at
  /// `fromLiveRelease` hold the live release's bytes, read from it. Called from several threads
  /// at once (each region's files as soon as they are rendered).
  func write(_ files: [SiteFile], fromLiveRelease: Set<SitePath>) throws
  /// Appends `bytes` to the file at `path`, which is made of every piece appended to it, in
  /// order; the first piece creates it.
  func append(_ bytes: [UInt8], to path: SitePath) throws
}
