import NeuralBrainCore
import Synchronization

/// A `ReleaseSink` that keeps every file in memory: a whole release as one value, for tests and
/// for releases small enough to hold.
final class ReleaseCollector: ReleaseSink {
  private let collected = Mutex(Collected())

  private struct Collected {
    var files: [SiteFile] = []
    var appended: [SitePath: [UInt8]] = [:]
    var fromLiveRelease: Set<SitePath> = []
  }

  func write(_ files: [SiteFile], fromLiveRelease: Set<SitePath>) {
    collected.withLock { collected in
      collected.files += files
      collected.fromLiveRelease.formUnion(fromLiveRelease)
    }
  }

  func append(_ bytes: [UInt8], to path: SitePath) {
    collected.withLock { $0.appended[path, default: []] += bytes }
  }

  /// Everything written and appended, sorted by path, with the page keys the renderer returned.
  func release(pageKeys: [String: String]) -> RenderedRelease {
    collected.withLock { collected in
      RenderedRelease(
        files: (collected.files + collected.appended.map { SiteFile(path: $0.key, contents: $0.value) })
          .sorted { $0.path < $1.path },
        pageKeys: pageKeys, fromLiveRelease: collected.fromLiveRelease)
    }
  }
}
