import Foundation
import NeuralBrainCore
import NeuralBrainTestSupport
import Testing

/// Several runs a day, many days: what `schedule --interval 1h` does. Two runs on one day used to
/// store two forecasts of the same reference date, whose scores then collided in the database
/// and failed every later run at the render step.
@Suite("runs several times a day")
struct RerunTests {
  @Test("three runs a day for four days all publish, and the evaluation scores each forecast once")
  func sameDayReruns() async throws {
    let directory = try TemporaryDirectory()
    let common = [
      "--output", directory.url.appendingPathComponent("output").path,
      "--state-dir", directory.url.appendingPathComponent("state").path, "--regions", "3",
    ]
    var statuses: [Int32] = []
    for day in 15...18 {
      for hour in ["06", "07", "18"] {
        let run = try await NeuralBrainExecutable.run(["run", "--now", "2025-01-\(day)T\(hour):00:00Z"] + common)
        #expect(run.status == 0, "2025-01-\(day) \(hour):00: \(run.standardError)")
        statuses.append(run.status)
      }
    }
    #expect(statuses.allSatisfy { $0 == 0 })
    let page = try String(
      contentsOf: directory.url.appendingPathComponent("output/current/evaluation.html"), encoding: .utf8)
    // One row per metric: WIS of cases and of deaths are never averaged together.
    #expect(page.contains("local/local-ensemble-v3 · cases"))
    #expect(page.contains("local/local-ensemble-v3 · deaths"))
  }
}

/// A rerun on unchanged inputs (issue 14): the live release is published again as hard links,
/// and any change to what a release is made from brings back a full run.
@Suite("unchanged reruns")
struct UnchangedRerunTests {
  /// Every regular file below `root`, by path, with its inode number.
  static func inodes(below root: URL) throws -> [String: UInt64] {
    var result: [String: UInt64] = [:]
    let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
    while let path = enumerator.nextObject() as? String {
      var status = stat()
      guard lstat(root.appendingPathComponent(path).path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
        continue
      }
      result[path] = UInt64(status.st_ino)
    }
    return result
  }

  @Test("a rerun on the same inputs links every file of the live release; a template edit or a new day renders again")
  func unchangedRerun() async throws {
    let directory = try TemporaryDirectory()
    let output = directory.url.appendingPathComponent("output")
    let templates = directory.url.appendingPathComponent("templates")
    try FileManager.default.copyItem(at: PackagePaths.root.appendingPathComponent("templates"), to: templates)
    let common = [
      "--output", output.path, "--state-dir", directory.url.appendingPathComponent("state").path,
      "--regions", "4", "--templates", templates.path,
    ]
    func run(_ now: String) async throws -> String {
      let run = try await NeuralBrainExecutable.run(["run", "--now", now] + common)
      #expect(run.status == 0, "\(now): \(run.standardError)")
      return run.standardOutput
    }
    let first = try await run("2025-03-10T06:00:00Z")
    #expect(first.hasPrefix("published 4 regions"), "\(first)")
    let second = try await run("2025-03-10T07:00:00Z")
    #expect(second.hasPrefix("nothing changed since run 20250310t060000z"), "\(second)")
    let releases = output.appendingPathComponent("releases")
    let original = try Self.inodes(below: releases.appendingPathComponent("20250310t060000z"))
    let linked = try Self.inodes(below: releases.appendingPathComponent("20250310t070000z"))
    #expect(original.count > 40)
    #expect(linked == original, "every file of the new release is the earlier release's file")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent("current").path)
        == "releases/20250310t070000z")
    #expect(
      FileManager.default.fileExists(
        atPath: releases.appendingPathComponent("20250310t070000z/archive/2025-03-10").path),
      "the archive link is copied")
    let status = try await NeuralBrainExecutable.run(["status", "--json"] + common.prefix(4))
    #expect(status.standardOutput.contains("20250310t070000z"), "\(status.standardOutput)")
    #expect(status.standardOutput.contains("\"reused_from\" : \"20250310t060000z\""), "\(status.standardOutput)")
    let text = try await NeuralBrainExecutable.run(["status"] + common.prefix(4))
    #expect(
      text.standardOutput.contains("20250310t070000z  succeeded local/local-ensemble-v3  regions=4"),
      "\(text.standardOutput)")
    #expect(text.standardOutput.contains("unchanged: release of 20250310t060000z linked"), "\(text.standardOutput)")

    // A third run reuses the first one's release too (not a chain of reuses).
    let third = try await run("2025-03-10T08:00:00Z")
    #expect(third.hasPrefix("nothing changed since run 20250310t060000z"), "\(third)")

    // An edited template is a different release.
    let footer = templates.appendingPathComponent("footer.mustache")
    try (String(contentsOf: footer, encoding: .utf8) + "<!-- edited -->\n").write(
      to: footer, atomically: true, encoding: .utf8)
    let edited = try await run("2025-03-10T09:00:00Z")
    #expect(edited.hasPrefix("published 4 regions"), "\(edited)")
    let page = try String(contentsOf: output.appendingPathComponent("current/index.html"), encoding: .utf8)
    #expect(page.contains("<!-- edited -->"))

    // A new day names a new archive snapshot: a full run.
    let nextDay = try await run("2025-03-11T06:00:00Z")
    #expect(nextDay.hasPrefix("published 4 regions"), "\(nextDay)")
  }
}

/// Weekly data published daily: the data changes once a week, the day (and the archive) every
/// day. The second day's release re-renders only the site-wide files; each region's files are
/// the first day's, hard-linked, and still name the run that issued the forecast.
@Suite("weekly data, daily runs")
struct WeeklyDataDailyRunTests {
  @Test("the next day's release links every region file and names the issuing run in it")
  func nextDayLinksRegions() async throws {
    let directory = try TemporaryDirectory()
    let input = directory.url.appendingPathComponent("weekly.csv")
    try Self.weeklyHubCSV().write(to: input, atomically: true, encoding: .utf8)
    let output = directory.url.appendingPathComponent("output")
    let common = [
      "--source", "hub", "--input", input.path, "--output", output.path,
      "--state-dir", directory.url.appendingPathComponent("state").path,
    ]
    for now in ["2025-04-07T06:00:00Z", "2025-04-08T06:00:00Z"] {
      let run = try await NeuralBrainExecutable.run(["run", "--now", now] + common)
      #expect(run.status == 0, "\(now): \(run.standardError)")
      #expect(run.standardOutput.hasPrefix("published 3 regions"), "\(run.standardOutput)")
    }
    let releases = output.appendingPathComponent("releases")
    let first = try UnchangedRerunTests.inodes(below: releases.appendingPathComponent("20250407t060000z"))
    let second = try UnchangedRerunTests.inodes(below: releases.appendingPathComponent("20250408t060000z"))
    let regionFiles = first.keys.filter {
      $0.hasPrefix("region/") || $0.contains("/region/") || $0.contains("/charts/")
    }
    #expect(regionFiles.count == 3 * 6, "page, JSON, chart and their .gz siblings: \(regionFiles.sorted())")
    for path in regionFiles { #expect(second[path] == first[path], "\(path) is linked") }
    #expect(second["index.html"] != first["index.html"], "the index names the new run")
    let document = try String(
      contentsOf: releases.appendingPathComponent("20250408t060000z/api/v1/forecasts/region/r0.json"), encoding: .utf8)
    #expect(document.contains("\"run_id\":\"20250407t060000z\""))
    let index = try String(contentsOf: output.appendingPathComponent("current/index.html"), encoding: .utf8)
    #expect(index.contains("20250408t060000z"))
    #expect(
      FileManager.default.fileExists(atPath: output.appendingPathComponent("archive/2025-04-08/SHA256SUMS").path),
      "each day still gets its archive snapshot")
  }

  /// Thirty weeks of target data for three regions (North, South, East), from 2024-09-07; the
  /// last week's value of `R0` raised by `lastShift`.
  static func weeklyHubCSV(lastShift: Int = 0) -> String {
    var csv = "date,location,location_name,value\n"
    let start = Day(year: 2024, month: 9, day: 7)!
    for week in 0..<30 {
      for (index, name) in ["North", "South", "East"].enumerated() {
        let shift = week == 29 && index == 0 ? lastShift : 0
        csv +=
          "\(start.adding(days: 7 * week).iso),R\(index),\(name),\(100 + week * (index + 1) * 3 + (week % 4) * 7 + shift)\n"
      }
    }
    return csv
  }

  @Test("an unchanged hub file is published again without a new rendering; a changed value or locations file renders")
  func unchangedHubFile() async throws {
    let directory = try TemporaryDirectory()
    let input = directory.url.appendingPathComponent("weekly.csv")
    let locations = directory.url.appendingPathComponent("locations.csv")
    try Self.weeklyHubCSV().write(to: input, atomically: true, encoding: .utf8)
    try "location,population\nR0,100000\nR1,200000\nR2,300000\n".write(to: locations, atomically: true, encoding: .utf8)
    let output = directory.url.appendingPathComponent("output")
    func run(_ hour: Int) async throws -> String {
      let run = try await NeuralBrainExecutable.run([
        "run", "--now", "2025-04-07T\(hour):00:00Z", "--source", "hub", "--input", input.path, "--input",
        locations.path, "--output", output.path, "--state-dir", directory.url.appendingPathComponent("state").path,
      ])
      #expect(run.status == 0, "\(hour): \(run.standardError)")
      return run.standardOutput
    }
    #expect(try await run(10).hasPrefix("published 3 regions"))
    #expect(try await run(11).hasPrefix("nothing changed since run 20250407t100000z"))
    try Self.weeklyHubCSV(lastShift: 1).write(to: input, atomically: true, encoding: .utf8)
    #expect(try await run(12).hasPrefix("published 3 regions"), "one value changed")
    #expect(try await run(13).hasPrefix("nothing changed since run 20250407t120000z"))
    try "location,population\nR0,100000\nR1,200000\nR2,300001\n".write(to: locations, atomically: true, encoding: .utf8)
    #expect(try await run(14).hasPrefix("published 3 regions"), "one population changed")
    let status = try await NeuralBrainExecutable.run([
      "status", "--json", "--output", output.path, "--state-dir", directory.url.appendingPathComponent("state").path,
    ])
    #expect(status.standardOutput.contains("\"reused_from\" : \"20250407t120000z\""), "\(status.standardOutput)")
  }
}
