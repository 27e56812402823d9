public import Foundation

/// When a digest goes: a five-field cron expression or a readable form such as
/// "monthly on the first Tuesday at 09:00", read as wall-clock times in `timeZone`.
public struct Schedule: Sendable, Hashable, CustomStringConvertible {
    /// The text as written in digests.yml, e.g. "0 9 1 * *" or "monthly on the first Tuesday at 09:00".
    public let text: String
    public let timeZone: TimeZone
    let rule: FiringRule

    public init(parsing text: String, timeZone: TimeZone) throws(ScheduleError) {
        self.text = text
        self.timeZone = timeZone
        rule = try ReadableSchedule.isReadable(text) ? ReadableSchedule.parse(text) : CronExpression.parse(text)
    }

    /// The first time strictly after `instant` at which the schedule fires.
    public func next(after instant: Date) -> Date? {
        // Starts a day early and looks one matching day past the first hit: a wall time in a
        // clock change near midnight can land on the neighbouring day.
        var best: Date?
        var firstDay: Int?
        for day in matchingDays(from: localDate(of: instant).adding(days: -1), step: 1) {
            if let firstDay, day.dayNumber > firstDay + 1 { break }
            if let candidate = instants(on: day).first(where: { $0 > instant }) {
                best = min(best ?? candidate, candidate)
                firstDay = firstDay ?? day.dayNumber
            }
        }
        return best
    }

    /// The latest time at or before `instant` at which the schedule fires.
    public func latest(atOrBefore instant: Date) -> Date? {
        var best: Date?
        var firstDay: Int?
        for day in matchingDays(from: localDate(of: instant).adding(days: 1), step: -1) {
            if let firstDay, day.dayNumber < firstDay - 1 { break }
            if let candidate = instants(on: day).last(where: { $0 <= instant }) {
                best = max(best ?? candidate, candidate)
                firstDay = firstDay ?? day.dayNumber
            }
        }
        return best
    }

    /// `count` successive times after `instant`.
    public func upcoming(after instant: Date, count: Int) -> [Date] {
        var times: [Date] = []
        var last = instant
        while times.count < count, let time = next(after: last) {
            times.append(time)
            last = time
        }
        return times
    }

    public var description: String { "\(text) (\(timeZone.identifier))" }

    /// How many times the schedule fires on a day it fires at all.
    public var timesADay: Int { rule.hours.count * rule.minutes.count }

    /// The Gregorian date on the wall clocks of `timeZone` at `instant`.
    private func localDate(of instant: Date) -> CivilDate {
        CivilDate.today(in: timeZone, now: instant)
    }

    /// The longest gap between firings searched: 29 February can be eight years from the next.
    private static let searchDays = 9 * 366

    /// Days the rule allows, from `start` one day at a time in the direction of `step`,
    /// jumping whole months the rule excludes so a leap-day search stays cheap.
    private func matchingDays(from start: CivilDate, step: Int) -> some Sequence<CivilDate> {
        let limit = start.dayNumber + step * Self.searchDays
        return sequence(state: start) { day -> CivilDate? in
            while step > 0 ? day.dayNumber <= limit : day.dayNumber >= limit {
                let current = day
                if !rule.months.contains(current.month) {
                    let first = current.adding(days: 1 - current.day)
                    day = step > 0 ? first.adding(months: 1) : first.adding(days: -1)
                    continue
                }
                day = current.adding(days: step)
                if rule.days.matches(current) { return current }
            }
            return nil
        }
    }

    /// The instants of the rule's wall times on `day`, sorted and without repeats.
    ///
    /// Each wall time is tried with the UTC offsets in force a day before and a day after, and a
    /// candidate counts only if the zone really has that offset then. Two valid candidates (clocks
    /// went back, so 01:30 happens twice) fire once, at the earlier. None valid means the clocks
    /// skipped it (01:30 on the last Sunday of March in London): it fires once, read with the
    /// offset before the change, so as far after the change as it was meant to be after the
    /// skipped hour began: 01:30 GMT never exists, so it fires at 02:30 BST (01:30 UTC).
    private func instants(on day: CivilDate) -> [Date] {
        let midnight = day.dayNumber * 86_400
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(midnight - 86_400)))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(midnight + 2 * 86_400)))
        var seconds: [Int] = []
        for hour in rule.hours {
            for minute in rule.minutes {
                let wall = midnight + hour * 3_600 + minute * 60
                guard before != after else {  // No clock change near this day.
                    seconds.append(wall - before)
                    continue
                }
                let valid = [wall - before, wall - after].filter { candidate in
                    timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(candidate))) == wall - candidate
                }
                seconds.append(valid.min() ?? wall - before)
            }
        }
        return Set(seconds).sorted().map { Date(timeIntervalSince1970: Double($0)) }
    }
}

/// Why a schedule cannot be read, worded for the fund officer who wrote it.
public enum ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    case fieldCount(found: Int)
    case shortcut(String)
    /// `field` is a cron field's name, e.g. "day-of-week"; `text` the item as written.
    case notUnderstood(field: String, text: String)
    case emptyListItem(field: String, text: String)
    case outOfRange(field: String, value: String)
    case reversedRange(field: String, text: String)
    case zeroStep(field: String, text: String)
    case stepWithoutRange(field: String, text: String)
    case neverFires(dayOfMonth: String, month: String)
    case badTime(String)
    case badWeekday(String)
    case badDayOfMonth(String)
    case badOrdinal(String)
    case unrecognised(String)

    public var description: String {
        switch self {
        case .fieldCount(let found):
            "expected five fields (minute hour day-of-month month day-of-week), found \(found)"
        case .shortcut(let text):
            "\(InputProblem.quoted(text)) is not supported; write five fields such as \"0 9 * * *\", or \"daily at 09:00\""
        case .notUnderstood(let field, let text):
            "\(field) \(InputProblem.quoted(text)) is not understood; \(CronField(rawValue: field)?.hint ?? "")"
        case .emptyListItem(let field, let text):
            "\(field) \(InputProblem.quoted(text)) has an empty item in its list"
        case .outOfRange(let field, let value):
            "\(field) \(InputProblem.quoted(value)) is out of range \(CronField(rawValue: field)?.rangeText ?? "")"
        case .reversedRange(let field, let text):
            "\(field) \(InputProblem.quoted(text)) is a range running backwards; write the smaller value first"
        case .zeroStep(let field, let text):
            "\(field) \(InputProblem.quoted(text)) has a step of 0; a step is 1 or more"
        case .stepWithoutRange(let field, let text):
            "\(field) \(InputProblem.quoted(text)) has a step after a single value; step over * or a range, such as \"*/15\" or \"5-59/15\""
        case .neverFires(let dayOfMonth, let month):
            "never fires: day-of-month \(InputProblem.quoted(dayOfMonth)) never falls in month \(InputProblem.quoted(month))"
        case .badTime(let text):
            "time \(InputProblem.quoted(text)) is not a 24-hour time such as 09:00 or 16:30"
        case .badWeekday(let text):
            "\(InputProblem.quoted(text)) is not a day of the week; write monday, tuesday, … sunday"
        case .badDayOfMonth(let text):
            "day \(InputProblem.quoted(text)) is not a day of the month 1–31"
        case .badOrdinal(let text):
            "\(InputProblem.quoted(text)) is not one of: first, second, third, fourth, last"
        case .unrecognised(let text):
            "\(InputProblem.quoted(text)) is not a schedule; write five cron fields (minute hour day-of-month month day-of-week) "
                + "such as \"0 9 1 * *\", or one of: " + ReadableSchedule.forms.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}
