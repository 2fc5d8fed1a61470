import Foundation
import NeuralBrainCore
import Testing

@Suite("Day")
struct DayTests {
  @Test("round-trips ISO dates", arguments: ["1970-01-01", "2024-02-29", "2023-12-31", "1999-03-01", "2100-02-28"])
  func roundTrip(text: String) throws {
    let day = try #require(Day(iso: text))
    #expect(day.iso == text)
  }

  @Test("every 997th day of years 1–9999 writes ten characters that read back as that day")
  func wideRoundTrip() throws {
    let first = try #require(Day(iso: "0001-01-01"))
    let last = try #require(Day(iso: "9999-12-31"))
    for ordinal in stride(from: first.ordinal, through: last.ordinal, by: 997) + [last.ordinal] {
      let day = Day(ordinal: ordinal)
      #expect(day.iso.utf8.count == 10 && Day(iso: day.iso) == day, "\(day.iso)")
    }
  }

  @Test(
    "rejects malformed and impossible dates",
    arguments: ["2023-02-29", "2023-13-01", "2023-1-01", "20230101", "2023-01-0x", ""])
  func rejects(text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test("knows the weekday: 2024-01-06 was a Saturday")
  func weekday() throws {
    #expect(try #require(Day(iso: "2024-01-06")).weekday == 6)
    #expect(Day(ordinal: 0).weekday == 4)
  }

  @Test("subtracts and adds whole days")
  func arithmetic() throws {
    let a = try #require(Day(iso: "2024-03-01"))
    let b = try #require(Day(iso: "2024-02-28"))
    #expect(a - b == 2)
    #expect(b.adding(days: 2) == a)
  }
}

@Suite("Slug and SitePath")
struct SlugTests {
  @Test(
    "slugs are safe",
    arguments: [
      ("New York", "new-york"), ("<script>alert(1)</script>", "script-alert-1-script"),
      ("../../etc/passwd", "etc-passwd"), ("01", "01"), ("Côte d'Ivoire", "c-te-d-ivoire"),
    ])
  func slug(raw: String, expected: String) {
    #expect(Slug.make(raw) == expected)
    #expect(Slug.isValid(Slug.make(raw)))
  }

  @Test("an input without letters or digits still gets a stable slug")
  func emptySlug() {
    #expect(Slug.make("???") == Slug.make("???"))
    #expect(Slug.make("???").hasPrefix("x"))
    #expect(Slug.make("???") != Slug.make("!!!"))
  }

  @Test("site paths refuse traversal and odd characters", arguments: ["../x", "a//b", "a/./b", "a b", "a/%2e", ""])
  func sitePathRejects(path: String) {
    #expect(SitePath(path) == nil)
  }

  @Test("site paths know their root prefix")
  func rootPrefix() throws {
    #expect(try #require(SitePath("api/v1/forecasts/global.json")).rootPrefix == "../../../")
    #expect(try #require(SitePath("index.html")).rootPrefix == "")
  }
}

@Suite("IncidentSeries")
struct IncidentSeriesTests {
  @Test("fills interior gaps linearly and edges from the nearest value")
  func filled() throws {
    let series = IncidentSeries(
      region: Region(code: "x", name: "X"), metric: .cases, frequency: .daily,
      start: try #require(Day(iso: "2024-01-01")), values: [nil, 2, nil, nil, 8, nil])
    #expect(series.filledValues == [2, 2, 4, 6, 8, 8])
    #expect(series.total == 10)
    #expect(series.end.iso == "2024-01-06")
  }

  @Test(
    "a value is found by its date, on the weekly grid only",
    arguments: [
      ("2024-01-06", 10.0), ("2024-01-13", nil), ("2024-01-20", 30), ("2024-01-07", nil), ("2023-12-30", nil),
      ("2024-01-27", nil),
    ] as [(String, Double?)])
  func valueOnDay(date: String, expected: Double?) throws {
    let series = IncidentSeries(
      region: Region(code: "x", name: "X"), metric: .cases, frequency: .weekly,
      start: try #require(Day(iso: "2024-01-06")), values: [10, nil, 30])
    #expect(series.value(on: try #require(Day(iso: date))) == expected)
    var daily = series
    daily.frequency = .daily
    #expect(daily.value(on: daily.start.adding(days: 2)) == 30)
    #expect(daily.value(on: daily.start.adding(days: 3)) == nil)
  }
}

@Suite("Day and Date")
struct DayDateTests {
  @Test(
    "the UTC day containing a time, before and after 1970",
    arguments: [
      (0.0, "1970-01-01"), (86_399.9, "1970-01-01"), (86_400, "1970-01-02"), (-1, "1969-12-31"),
      (1_796_000_000, "2026-11-30"),
    ])
  func containing(seconds: Double, iso: String) {
    #expect(Day(containing: Date(timeIntervalSince1970: seconds)).iso == iso)
  }

  @Test("startDate is midnight UTC and round-trips")
  func startDate() throws {
    let day = try #require(Day(iso: "2024-02-29"))
    #expect(Day(containing: day.startDate) == day)
    #expect(Day(containing: day.startDate.addingTimeInterval(-1)) == day.adding(days: -1))
  }
}
