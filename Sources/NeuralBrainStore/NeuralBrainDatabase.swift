import Foundation
import GRDB
import NeuralBrainCore

/// The state database: observations with their vintages, runs, forecasts, the provider lock,
/// the audit trail and health checks.
///
/// SQLite in WAL mode through GRDB. Every public method is one transaction, so a crash at any
/// point leaves the database as it was before the call or after it, never in between.
public struct NeuralBrainDatabase: Sendable {
  /// The file name inside the state directory.
  public static let fileName = "neuralbrain.sqlite"

  private let writer: any DatabaseWriter

  /// Opens (creating if needed) `<directory>/neuralbrain.sqlite` and migrates it.
  public static func open(directory: URL) throws(StoreError) -> NeuralBrainDatabase {
    let path = directory.appendingPathComponent(fileName).path
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.busyMode = .timeout(10)
      return try NeuralBrainDatabase(writer: DatabasePool(path: path, configuration: configuration))
    } catch {
      throw .cannotOpen(path: path, reason: String(describing: error))
    }
  }

  /// A private in-memory database, for tests.
  public static func inMemory() throws(StoreError) -> NeuralBrainDatabase {
    do {
      return try NeuralBrainDatabase(writer: DatabaseQueue())
    } catch {
      throw .cannotOpen(path: ":memory:", reason: String(describing: error))
    }
  }

  init(writer: any DatabaseWriter) throws {
    self.writer = writer
    try Self.migrator.migrate(writer)
  }

  /// Names of the migrations applied, oldest first.
  public func appliedMigrations() throws(StoreError) -> [String] {
    try read("list migrations") { db in try Self.migrator.appliedMigrations(db) }
  }

  // MARK: - Helpers

  func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.read(body)
    } catch {
      throw .failed(operation: operation, reason: String(describing: error))
    }
  }

  func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.write(body)
    } catch {
      throw .failed(operation: operation, reason: String(describing: error))
    }
  }

  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }()

  static func json<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func decode<T: Decodable>(_ type: T.Type, json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
  }
}
