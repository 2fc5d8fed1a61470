import Foundation
import NeuralBrainRender

/// Finds and reads the Mustache templates a run renders with.
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

  /// Reads every `*.mustache` in `directory`, sorted by name.
  ///
  /// - Throws: `RenderError.templatesDirectoryUnreadable` naming the folder or file that cannot
  ///   be read.
  public static func templates(in directory: URL) throws(RenderError) -> [TemplateFile] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".mustache") }.sorted()
    } catch {
      throw .templatesDirectoryUnreadable(path: directory.path, reason: error.localizedDescription)
    }
    var templates: [TemplateFile] = []
    for name in names {
      let file = directory.appendingPathComponent(name)
      do {
        templates.append(
          TemplateFile(
            name: String(name.dropLast(".mustache".count)), text: try String(contentsOf: file, encoding: .utf8),
            path: file.path))
      } catch {
        throw .templatesDirectoryUnreadable(path: file.path, reason: error.localizedDescription)
      }
    }
    return templates
  }

  /// The renderer of the templates in `directory`.
  public static func renderer(_ directory: URL) throws -> SiteRenderer {
    try SiteRenderer(templates: templates(in: directory), directory: directory.path)
  }
}
