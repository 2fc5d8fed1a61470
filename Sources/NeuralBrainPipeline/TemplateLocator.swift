import Foundation
import NeuralBrainEnvironment
import NeuralBrainRender

/// Finds and reads the Mustache templates a run renders with.
///
/// Users edit the files in `templates/`. A run uses `--templates DIR` when given, else
/// `./templates` when the working directory has one, else the `templates/` folder of the source
/// checkout the binary was built from.
public struct TemplateLocator: Sendable {
  public var fileSystem: any FileSystem

  public init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

  /// `./templates` when `workingDirectory` has one, else the checkout's.
  public func defaultDirectory(workingDirectory: URL) -> URL {
    let local = workingDirectory.appendingPathComponent("templates")
    return fileSystem.exists(local.appendingPathComponent("index.mustache")) ? local : Self.checkoutTemplates
  }

  /// `templates/` of the package this file was compiled from.
  public static let checkoutTemplates = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("templates")

  /// Reads every `*.mustache` in `directory`, sorted by name.
  ///
  /// - Throws: `RenderError.templatesDirectoryUnreadable` naming the folder or file that cannot
  ///   be read.
  public func templates(in directory: URL) throws(RenderError) -> [TemplateFile] {
    do throws(FileSystemError) {
      return try fileSystem.list(directory).filter { $0.hasSuffix(".mustache") }.map { name throws(FileSystemError) in
        let file = directory.appendingPathComponent(name)
        return TemplateFile(
          name: String(name.dropLast(".mustache".count)),
          text: String(decoding: try fileSystem.contents(of: file), as: UTF8.self), path: file.path)
      }
    } catch {
      throw .templatesDirectoryUnreadable(path: error.path, reason: error.reason)
    }
  }

  /// The renderer of the templates in `directory`.
  public func renderer(_ directory: URL) throws -> SiteRenderer {
    try SiteRenderer(templates: templates(in: directory), directory: directory.path)
  }
}
