import Foundation

/// Where tests find the repository and the real public data beside it.
public enum PackagePaths {
  /// The repository root (for `templates/` and the build directory).
  public static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `<root>/../shared/data`: real forecast-hub data, read in place and never copied. Tests that
  /// use it skip with a message when it is absent.
  public static let sharedData = root.appendingPathComponent("../shared/data").standardized
}
