import Foundation

/// Finds the Mustache templates a run renders with.
///
/// Users edit the files in `templates/`. A run uses `--templates DIR` when given, else
/// `./templates` when the working directory has one, else the `templates/` folder of the source
/// checkout the binary was built from.
public enum TemplateLocator {
  public static func defaultDirectory(
    workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) -> URL {
    let local = workingDirectory.appendingPathComponent("templates")
    if FileManager.default.fileExists(atPath: local.appendingPathComponent("index.mustache").path) {
      return local
    }
    return checkoutTemplates
  }

  /// `templates/` of the package this file was compiled from.
  public static let checkoutTemplates = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("templates")
}
