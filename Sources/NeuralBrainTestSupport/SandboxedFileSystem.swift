import Foundation
import NeuralBrainEnvironment

/// The local disk, confined: writes only below `writable`, reads only below `writable` and
/// `readable`. Anything else fails, so a test proves where a run touches files.
public struct SandboxedFileSystem: FileSystem {
  private let disk = LocalFileSystem()
  private let writable: [String]
  private let readable: [String]

  public init(writable: [URL], readable: [URL] = []) {
    self.writable = writable.map { $0.standardizedFileURL.path }
    self.readable = self.writable + readable.map { $0.standardizedFileURL.path }
  }

  private func check(_ url: URL, in roots: [String]) throws(FileSystemError) {
    let path = url.standardizedFileURL.path
    guard roots.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else {
      throw FileSystemError(path: url.path, reason: "outside the test's sandbox")
    }
  }

  public func exists(_ url: URL) -> Bool {
    (try? check(url, in: readable)) != nil && disk.exists(url)
  }

  public func contents(of url: URL) throws(FileSystemError) -> Data {
    try check(url, in: readable)
    return try disk.contents(of: url)
  }

  public func size(of url: URL) throws(FileSystemError) -> Int {
    try check(url, in: readable)
    return try disk.size(of: url)
  }

  public func list(_ directory: URL) throws(FileSystemError) -> [String] {
    try check(directory, in: readable)
    return try disk.list(directory)
  }

  public func createDirectory(_ directory: URL) throws(FileSystemError) {
    try check(directory, in: writable)
    try disk.createDirectory(directory)
  }

  public func create(_ url: URL, bytes: [UInt8], mode: Int) throws(FileSystemError) {
    try check(url, in: writable)
    try disk.create(url, bytes: bytes, mode: mode)
  }

  public func createOutput(_ url: URL, mode: Int) throws(FileSystemError) -> any FileOutput {
    try check(url, in: writable)
    return try disk.createOutput(url, mode: mode)
  }

  public func openInput(_ url: URL) throws(FileSystemError) -> any FileInput {
    try check(url, in: readable)
    return try disk.openInput(url)
  }

  public func replace(_ url: URL, bytes: [UInt8]) throws(FileSystemError) {
    try check(url, in: writable)
    try disk.replace(url, bytes: bytes)
  }

  public func link(_ url: URL, to existing: URL) throws(FileSystemError) {
    try check(url, in: writable)
    try check(existing, in: writable)
    try disk.link(url, to: existing)
  }

  public func linkTree(_ destination: URL, from source: URL) throws(FileSystemError) {
    try check(destination, in: writable)
    try check(source, in: writable)
    try disk.linkTree(destination, from: source)
  }

  public func symbolicLink(_ url: URL, to destination: String) throws(FileSystemError) {
    try check(url, in: writable)
    try disk.symbolicLink(url, to: destination)
  }

  public func destinationOfSymbolicLink(_ url: URL) -> String? {
    (try? check(url, in: readable)) == nil ? nil : disk.destinationOfSymbolicLink(url)
  }

  public func rename(_ source: URL, to destination: URL) throws(FileSystemError) {
    try check(source, in: writable)
    try check(destination, in: writable)
    try disk.rename(source, to: destination)
  }

  public func remove(_ url: URL) throws(FileSystemError) {
    try check(url, in: writable)
    try disk.remove(url)
  }

  public func copyTimes(to url: URL, from source: URL) throws(FileSystemError) {
    try check(url, in: writable)
    try check(source, in: readable)
    try disk.copyTimes(to: url, from: source)
  }
}
