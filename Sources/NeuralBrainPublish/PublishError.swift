import Foundation
import NeuralBrainCore
import NeuralBrainMarkup

/// Why a release was not published. The previous release stays live in every case.
public enum PublishError: Error, LocalizedError, ExitStatusProviding {
  /// A rendered file is not well-formed HTML, SVG, XML or JSON.
  case invalidFile(MarkupError)
  /// Two rendered files have the same path.
  case duplicatePath(String)
  /// The release directory could not be written.
  case cannotWrite(path: String, reason: String)
  /// The `current` link could not be switched.
  case cannotSwitch(path: String, reason: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .invalidFile, .duplicatePath: .ioError
    case .cannotWrite, .cannotSwitch: .cantCreate
    }
  }

  public var errorDescription: String? {
    switch self {
    case .invalidFile(let error):
      return error.errorDescription
    case .duplicatePath(let path):
      return "two rendered files share the path \(path); the release was not published."
    case let .cannotWrite(path, reason):
      return "cannot write the release at \(path): \(reason). Check free space and permissions of --output."
    case let .cannotSwitch(path, reason):
      return "cannot switch \(path) to the new release: \(reason). The previous release is still live."
    }
  }
}
