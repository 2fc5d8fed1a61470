import NeuralBrainCore

/// A file produced a piece at a time while it is written, never held whole.
///
/// A snapshot's input data runs to hundreds of megabytes at 10,000 daily regions; streamed, it
/// costs the memory of one piece, and a later run of the same day, whose snapshot exists, never
/// produces it at all.
public struct StreamedFile: Sendable {
  /// Where the file goes, relative to the folder it is written into.
  public var path: SitePath
  /// Calls `emit` with the file's bytes in order, one piece at a time.
  public var pieces: @Sendable (_ emit: ([UInt8]) throws -> Void) throws -> Void

  public init(path: SitePath, pieces: @escaping @Sendable (_ emit: ([UInt8]) throws -> Void) throws -> Void) {
    self.path = path
    self.pieces = pieces
  }

  /// `file`, in one piece.
  public init(_ file: SiteFile) {
    self.init(path: file.path) { emit in try emit(file.contents) }
  }
}
