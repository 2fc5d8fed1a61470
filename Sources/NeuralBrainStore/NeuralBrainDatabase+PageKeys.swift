import Foundation
import GRDB

extension NeuralBrainDatabase {
  /// Saves what each page of `runID`'s release was made from (`SiteRenderer` page keys), and
  /// drops the keys of every other run but `keeping` (the live release's): only the live
  /// release's pages can be reused.
  public func savePageKeys(_ keys: [String: String], runID: String, keeping live: String?) throws(StoreError) {
    try write("save page keys") { db in
      try db.execute(
        sql: "DELETE FROM page_key WHERE run_id NOT IN (?, ?)", arguments: [runID, live ?? runID])
      let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO page_key (run_id, page, key) VALUES (?, ?, ?)")
      for (page, key) in keys.sorted(by: { $0.key < $1.key }) {
        try insert.execute(arguments: [runID, page, key])
      }
    }
  }

  /// The run that rendered `runID`'s release: itself, or the run whose release it published
  /// again unchanged.
  public func renderingRun(of runID: String) throws(StoreError) -> String {
    try run(id: runID)?.renderingRunID ?? runID
  }

  /// The page keys of `runID`'s release, by page.
  public func pageKeys(runID: String) throws(StoreError) -> [String: String] {
    try read("read page keys") { db in
      let rows = try Row.fetchAll(db, sql: "SELECT page, key FROM page_key WHERE run_id = ?", arguments: [runID])
      return Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
    }
  }
}
