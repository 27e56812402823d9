@testable import BeaconCore
import Foundation
import Testing

/// Fire times are checked as UTC instants, so a wrong hour across a clock change shows.
@Suite("Schedules fire when the fund officer expects, in the digest's time zone")
struct ScheduleTests {
    static let london = TimeZone(identifier: "Europe/London")!

    func schedule(_ text: String, in zone: String = "Europe/London") throws -> Schedule {
        try Schedule(parsing: text, timeZone: TimeZone(identifier: zone)!)
    }

    /// An instant written as ISO 8601 UTC, e.g. "2027-03-28T01:30:00Z".
    func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    func upcoming(_ text: String, in zone: String = "Europe/London", after: String, count: Int) throws -> [Date] {
        try schedule(text, in: zone).upcoming(after: utc(after), count: count)
    }

    // MARK: Clock changes in London

    @Test("Spring forward: 01:30 never happens on 28 March 2027, so it fires once, at 02:30 BST (01:30Z)")
    func springForwardSkippedTime() throws {
        #expect(try upcoming("30 1 * * *", after: "2027-03-27T02:00:00Z", count: 3) == [
            utc("2027-03-28T01:30:00Z"), utc("2027-03-29T00:30:00Z"), utc("2027-03-30T00:30:00Z"),
        ])
    }

    @Test("Spring forward: 01:30 GMT and 02:30 BST are the same instant, which fires once")
    func springForwardSameInstant() throws {
        #expect(try upcoming("30 1,2 * * *", after: "2027-03-27T23:00:00Z", count: 2) == [
            utc("2027-03-28T01:30:00Z"), utc("2027-03-29T00:30:00Z"),
        ])
    }

    @Test("Every 15 minutes runs straight through the spring gap, without repeats")
    func springForwardEveryQuarter() throws {
        #expect(try upcoming("*/15 * * * *", after: "2027-03-28T00:50:00Z", count: 5) == [
            utc("2027-03-28T01:00:00Z"), utc("2027-03-28T01:15:00Z"), utc("2027-03-28T01:30:00Z"),
            utc("2027-03-28T01:45:00Z"), utc("2027-03-28T02:00:00Z"),
        ])
    }

    @Test("A 09:00 daily schedule fires at 09:00Z before the spring change and 08:00Z after")
    func dailyAcrossSpringForward() throws {
        let daily = try schedule("0 9 * * *")
        #expect(daily.next(after: utc("2027-03-26T10:00:00Z")) == utc("2027-03-27T09:00:00Z"))
        #expect(daily.next(after: utc("2027-03-27T09:00:00Z")) == utc("2027-03-28T08:00:00Z"))
    }

    @Test("Fall back: 01:30 happens twice on 25 October 2026; it fires once, at the first (00:30Z)")
    func fallBackRepeatedTime() throws {
        #expect(try upcoming("30 1 * * *", after: "2026-10-24T12:00:00Z", count: 2) == [
            utc("2026-10-25T00:30:00Z"), utc("2026-10-26T01:30:00Z"),
        ])
        #expect(try schedule("30 1 * * *").latest(atOrBefore: utc("2026-10-25T01:45:00Z")) == utc("2026-10-25T00:30:00Z"))
    }

    @Test("Fall back: */30 in hour 1 fires at the first 01:00 and 01:30 only (00:00Z, 00:30Z), not four times")
    func fallBackHalfHours() throws {
        #expect(try upcoming("*/30 1 * * *", after: "2026-10-24T23:00:00Z", count: 3) == [
            utc("2026-10-25T00:00:00Z"), utc("2026-10-25T00:30:00Z"), utc("2026-10-26T01:00:00Z"),
        ])
    }

    @Test("Fall back: every 15 minutes skips the repeated hour of wall times, strictly increasing")
    func fallBackEveryQuarter() throws {
        #expect(try upcoming("*/15 * * * *", after: "2026-10-24T23:50:00Z", count: 5) == [
            utc("2026-10-25T00:00:00Z"), utc("2026-10-25T00:15:00Z"), utc("2026-10-25T00:30:00Z"),
            utc("2026-10-25T00:45:00Z"), utc("2026-10-25T02:00:00Z"),
        ])
    }

    @Test("A 09:00 daily schedule fires at 08:00Z before the autumn change and 09:00Z after")
    func dailyAcrossFallBack() throws {
        let daily = try schedule("0 9 * * *")
        #expect(daily.next(after: utc("2026-10-23T09:00:00Z")) == utc("2026-10-24T08:00:00Z"))
        #expect(daily.next(after: utc("2026-10-24T08:00:00Z")) == utc("2026-10-25T09:00:00Z"))
    }

    // MARK: Month ends and leap days

    @Test("The 31st fires only in months that have one")
    func thirtyFirst() throws {
        let schedule = try schedule("0 9 31 * *")
        #expect(schedule.next(after: utc("2026-11-01T00:00:00Z")) == utc("2026-12-31T09:00:00Z"))
        // 09:00 London on 31 January; February has no 31st, and 31 March is in BST.
        #expect(schedule.next(after: utc("2027-01-31T09:00:00Z")) == utc("2027-03-31T08:00:00Z"))
    }

    @Test("29 February fires only in leap years, searching years ahead and back")
    func leapDay() throws {
        let schedule = try schedule("0 9 29 2 *")
        #expect(schedule.next(after: utc("2026-01-01T00:00:00Z")) == utc("2028-02-29T09:00:00Z"))
        #expect(schedule.latest(atOrBefore: utc("2027-06-01T00:00:00Z")) == utc("2024-02-29T09:00:00Z"))
        // 2100 is not a leap year: eight years from 2096 to 2104.
        #expect(schedule.next(after: utc("2096-03-01T00:00:00Z")) == utc("2104-02-29T09:00:00Z"))
    }

    // MARK: Other zones

    @Test("Mondays at 09:00 in New York: 14:00Z before the March change, 13:00Z after")
    func newYork() throws {
        #expect(try upcoming("0 9 * * 1", in: "America/New_York", after: "2027-03-02T00:00:00Z", count: 2) == [
            utc("2027-03-08T14:00:00Z"), utc("2027-03-15T13:00:00Z"),
        ])
    }

    @Test("Mondays at 09:00 in Sydney, across both of its changes")
    func sydney() throws {
        #expect(try upcoming("0 9 * * 1", in: "Australia/Sydney", after: "2026-09-25T00:00:00Z", count: 2) == [
            utc("2026-09-27T23:00:00Z"), utc("2026-10-04T22:00:00Z"),
        ])
        #expect(try upcoming("0 9 * * 1", in: "Australia/Sydney", after: "2027-03-25T00:00:00Z", count: 2) == [
            utc("2027-03-28T22:00:00Z"), utc("2027-04-04T23:00:00Z"),
        ])
    }

    // MARK: Cron's day rule

    @Test("Day-of-month and day-of-week both restricted: either matching is enough (Vixie cron)")
    func vixieEither() throws {
        // 1 December 2026 is a Tuesday; 30 November and 7 December are Mondays.
        #expect(try upcoming("0 9 1 * mon", after: "2026-11-29T00:00:00Z", count: 3) == [
            utc("2026-11-30T09:00:00Z"), utc("2026-12-01T09:00:00Z"), utc("2026-12-07T09:00:00Z"),
        ])
    }

    @Test("A day-of-month starting with * is not restricted (crontab(5)), so both must match: odd-dated Mondays")
    func starStepDayOfMonth() throws {
        #expect(try upcoming("0 9 */2 * mon", after: "2026-12-01T00:00:00Z", count: 2) == [
            utc("2026-12-07T09:00:00Z"), utc("2026-12-21T09:00:00Z"),
        ])
    }

    @Test("Names, ranges, steps and Sunday as 7 mean what cron means")
    func cronSyntax() throws {
        #expect(try upcoming("0 9 * * sun", after: "2026-12-01T00:00:00Z", count: 3)
            == upcoming("0 9 * * 7", after: "2026-12-01T00:00:00Z", count: 3))
        #expect(try upcoming("0 12 1 JAN-MAR/2 *", after: "2026-12-01T00:00:00Z", count: 3) == [
            utc("2027-01-01T12:00:00Z"), utc("2027-03-01T12:00:00Z"), utc("2028-01-01T12:00:00Z"),
        ])
        #expect(try upcoming("1-30/10 9 * * *", after: "2026-12-01T00:00:00Z", count: 4) == [
            utc("2026-12-01T09:01:00Z"), utc("2026-12-01T09:11:00Z"), utc("2026-12-01T09:21:00Z"),
            utc("2026-12-02T09:01:00Z"),
        ])
    }

    // MARK: Readable forms

    @Test("The last Friday of each month, across month lengths and the spring change")
    func lastFriday() throws {
        #expect(try upcoming("monthly on the last friday at 16:00", after: "2026-10-01T00:00:00Z", count: 7) == [
            utc("2026-10-30T16:00:00Z"), utc("2026-11-27T16:00:00Z"), utc("2026-12-25T16:00:00Z"),
            utc("2027-01-29T16:00:00Z"), utc("2027-02-26T16:00:00Z"), utc("2027-03-26T16:00:00Z"),
            utc("2027-04-30T15:00:00Z"),
        ])
    }

    @Test("The first Tuesday of each month, whatever the case it is written in")
    func firstTuesday() throws {
        let expected = [
            utc("2026-12-01T09:00:00Z"), utc("2027-01-05T09:00:00Z"), utc("2027-02-02T09:00:00Z"),
            utc("2027-03-02T09:00:00Z"), utc("2027-04-06T08:00:00Z"),
        ]
        #expect(try upcoming("monthly on the first tuesday at 09:00", after: "2026-11-15T00:00:00Z", count: 5) == expected)
        #expect(try upcoming("Monthly on the First Tuesday at 09:00", after: "2026-11-15T00:00:00Z", count: 5) == expected)
    }

    @Test("The second, third and fourth weekdays of a month")
    func nthWeekdays() throws {
        // November 2026 begins on a Sunday.
        #expect(try schedule("monthly on the second sunday at 10:00").next(after: utc("2026-11-01T00:00:00Z")) == utc("2026-11-08T10:00:00Z"))
        #expect(try schedule("monthly on the third wednesday at 10:00").next(after: utc("2026-11-01T00:00:00Z")) == utc("2026-11-18T10:00:00Z"))
        #expect(try schedule("monthly on the fourth thursday at 10:00").next(after: utc("2026-11-01T00:00:00Z")) == utc("2026-11-26T10:00:00Z"))
    }

    @Test("Each readable form fires exactly when its cron equivalent does, for a year")
    func readableMatchesCron() throws {
        let pairs = [
            ("daily at 09:00", "0 9 * * *"),
            ("weekly on monday at 09:00", "0 9 * * 1"),
            ("weekly on monday and thursday at 09:00", "0 9 * * 1,4"),
            ("weekly on monday, wednesday, and friday at 7:45", "45 7 * * mon,wed,fri"),
            ("monthly on day 1 at 09:00", "0 9 1 * *"),
            ("monthly on days 1 and 15 at 08:30", "30 8 1,15 * *"),
        ]
        for (readable, cron) in pairs {
            #expect(try upcoming(readable, after: "2026-06-01T00:00:00Z", count: 60) == upcoming(cron, after: "2026-06-01T00:00:00Z", count: 60), "\(readable)")
        }
    }

    // MARK: Latest, upcoming and description

    @Test("latest(atOrBefore:) includes an exact fire time")
    func latestInclusive() throws {
        let monthly = try schedule("0 9 1 * *")
        #expect(monthly.latest(atOrBefore: utc("2026-12-01T09:00:00Z")) == utc("2026-12-01T09:00:00Z"))
        #expect(monthly.latest(atOrBefore: utc("2026-12-01T08:59:59Z")) == utc("2026-11-01T09:00:00Z"))
        #expect(monthly.next(after: utc("2026-12-01T09:00:00Z")) == utc("2027-01-01T09:00:00Z"))
    }

    @Test("upcoming times strictly increase, through a year of clock changes")
    func upcomingIncreases() throws {
        let times = try upcoming("*/20 0-3 * * *", after: "2026-01-01T00:00:00Z", count: 12 * 400)
        #expect(times.count == 12 * 400)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("The description names the zone")
    func description() throws {
        #expect(try schedule("0 9 1 * *").description == "0 9 1 * * (Europe/London)")
        #expect(try schedule("daily at 09:00", in: "America/New_York").description == "daily at 09:00 (America/New_York)")
    }

    // MARK: Errors

    @Test("Each malformed schedule is refused with a message naming what to fix", arguments: [
        ("0 9 1 *", "expected five fields (minute hour day-of-month month day-of-week), found 4"),
        ("0 0 9 * * *", "expected five fields (minute hour day-of-month month day-of-week), found 6"),
        ("@daily", "\"@daily\" is not supported; write five fields such as \"0 9 * * *\", or \"daily at 09:00\""),
        ("0 25 * * *", "hour \"25\" is out of range 0–23"),
        ("60 9 * * *", "minute \"60\" is out of range 0–59"),
        ("0 9 0 * *", "day-of-month \"0\" is out of range 1–31"),
        ("0 9 1 13 *", "month \"13\" is out of range 1–12"),
        ("0 9 * * 8", "day-of-week \"8\" is out of range 0–7"),
        ("0 9 L * *", "day-of-month \"L\" is not understood; use numbers 1–31, *, lists (1,15), ranges (1-5) or steps (*/15, 1-30/2)"),
        ("0 9 ? * mon", "day-of-month \"?\" is not understood; use numbers 1–31, *, lists (1,15), ranges (1-5) or steps (*/15, 1-30/2)"),
        ("0 9 * * 5L", "day-of-week \"5L\" is not understood; use numbers 0–7 or names sun–sat, *, lists (1,15), ranges (1-5) or steps (*/15, 1-30/2)"),
        ("0 9 * foo *", "month \"foo\" is not understood; use numbers 1–12 or names jan–dec, *, lists (1,15), ranges (1-5) or steps (*/15, 1-30/2)"),
        ("0 9 1,,15 * *", "day-of-month \"1,,15\" has an empty item in its list"),
        ("0 9 1, * *", "day-of-month \"1,\" has an empty item in its list"),
        ("0 17-9 * * *", "hour \"17-9\" is a range running backwards; write the smaller value first"),
        ("*/0 9 * * *", "minute \"*/0\" has a step of 0; a step is 1 or more"),
        ("5/15 9 * * *", "minute \"5/15\" has a step after a single value; step over * or a range, such as \"*/15\" or \"5-59/15\""),
        ("0 9 30 2 *", "never fires: day-of-month \"30\" never falls in month \"2\""),
        ("daily at 25:00", "time \"25:00\" is not a 24-hour time such as 09:00 or 16:30"),
        ("daily at 9am", "time \"9am\" is not a 24-hour time such as 09:00 or 16:30"),
        ("weekly on funday at 09:00", "\"funday\" is not a day of the week; write monday, tuesday, … sunday"),
        ("monthly on day 32 at 09:00", "day \"32\" is not a day of the month 1–31"),
        ("monthly on the fifth tuesday at 09:00", "\"fifth\" is not one of: first, second, third, fourth, last"),
    ])
    func malformed(text: String, message: String) {
        #expect(throws: ScheduleError.self) { try Schedule(parsing: text, timeZone: Self.london) }
        do {
            _ = try Schedule(parsing: text, timeZone: Self.london)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("Prose that is not one of the forms lists the forms", arguments: [
        "every monday at 9", "weekly on monday and at 09:00", "weekly at 09:00", "monthly on the tuesday at 09:00", "daily",
    ])
    func unrecognised(text: String) {
        do {
            _ = try Schedule(parsing: text, timeZone: Self.london)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error == .unrecognised(text))
            #expect(error.description.contains("\"monthly on the first tuesday at 09:00 (first, second, third, fourth or last)\""))
        }
    }

    // MARK: In digests.yml

    @Test("A malformed schedule in digests.yml is reported with its file, line and field")
    func loaderReportsSchedule() throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "schedule: \"0 9 1 * *\"", with: "schedule: \"0 25 1 * *\"")
        #expect(try fixture.errors() == ["digests.yml:6:schedule: hour \"25\" is out of range 0–23"])
    }

    @Test("A schedule that fires several times a day is a warning: an issue is dated by its day")
    func severalTimesADay() throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "schedule: \"0 9 1 * *\"", with: "schedule: \"0 9,17 1 * *\"")
        let warnings = try fixture.load().warnings.map(\.description)
        #expect(warnings.contains { $0.hasSuffix("/digests.yml:6:schedule: warning: fires 2 times a day, but an issue is dated by its day: only the first time each day sends one") })
    }

    @Test("A digest's time_zone overrides the settings' zone, which is the default; a bad zone is reported")
    func digestTimeZone() throws {
        var fixture = Fixture()
        fixture.edit("beacon.yml", replacing: "stale_contact_months: 12", with: "stale_contact_months: 12\ntime_zone: Europe/Dublin")
        fixture.edit("digests.yml", replacing: "schedule: \"0 9 * * 1\"", with: "schedule: \"weekly on monday at 09:00\"\n    time_zone: America/New_York")
        let digests = try fixture.load().configuration.digests
        #expect(digests.map(\.schedule.timeZone.identifier) == ["Europe/Dublin", "Europe/Dublin", "America/New_York"])
        #expect(digests.last?.schedule.description == "weekly on monday at 09:00 (America/New_York)")

        fixture.edit("digests.yml", replacing: "time_zone: America/New_York", with: "time_zone: Mars/Olympus")
        #expect(try fixture.errors() == ["digests.yml:21:time_zone: \"Mars/Olympus\" is not a time zone name such as Europe/London"])
    }
}
