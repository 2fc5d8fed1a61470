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
      throw .cannotOpen(path: path, reason: ErrorText.describe(error))
    }
  }

  /// Opens the state database for commands that only read it (`status`, `audit`, `lock show`),
  /// also on a read-only mount: a writable directory opens normally; otherwise SQLite opens the
  /// file read-only (immutable when its WAL files cannot be created). No database yet reads as
  /// an empty one.
  public static func openForReading(directory: URL) throws(StoreError) -> NeuralBrainDatabase {
    let path = directory.appendingPathComponent(fileName).path
    let manager = FileManager.default
    guard manager.fileExists(atPath: path) else { return try inMemory() }
    if manager.isWritableFile(atPath: directory.path), manager.isWritableFile(atPath: path) {
      return try open(directory: directory)
    }
    var configuration = Configuration()
    configuration.readonly = true
    var reasons: [String] = []
    for candidate in [path, "file:\(path)?immutable=1"] {
      do {
        let database = try NeuralBrainDatabase(
          writer: DatabaseQueue(path: candidate, configuration: configuration), migrate: false)
        guard try database.appliedMigrations() == migrator.migrations else {
          throw StoreError.cannotOpen(
            path: path,
            reason: "it was written by an older version and needs an upgrade this read-only mount does not allow; "
              + "run `neuralbrain run` where the state directory is writable")
        }
        return database
      } catch let error as StoreError {
        throw error
      } catch {
        reasons.append(ErrorText.describe(error))
      }
    }
    throw .cannotOpen(path: path, reason: "read-only: " + reasons.joined(separator: "; "))
  }

  /// A private in-memory database, for tests.
  public static func inMemory() throws(StoreError) -> NeuralBrainDatabase {
    do {
      return try NeuralBrainDatabase(writer: DatabaseQueue())
    } catch {
      throw .cannotOpen(path: ":memory:", reason: String(describing: error))
    }
  }

  init(writer: any DatabaseWriter, migrate: Bool = true) throws {
    self.writer = writer
    if migrate { try Self.migrator.migrate(writer) }
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
