/// Which months, days and wall-clock times fire, however the schedule was written.
struct FiringRule: Sendable, Hashable {
    let minutes: [Int]
    let hours: [Int]
    let months: Set<Int>
    let days: DayRule
}

enum DayRule: Sendable, Hashable {
    /// Weekdays run 0 (Sunday) to 6. `either`: a day matching one set is enough, as in Vixie
    /// cron when both fields are restricted; otherwise a day must match both.
    case cron(daysOfMonth: Set<Int>, weekdays: Set<Int>, either: Bool)
    /// The `ordinal`th `weekday` of the month, which cron cannot say; `DayRule.last` is the last.
    case nthWeekday(ordinal: Int, weekday: Int)

    static let last = 5

    func matches(_ date: CivilDate) -> Bool {
        let weekday = ((date.dayNumber + 4) % 7 + 7) % 7  // 1970-01-01 was a Thursday.
        switch self {
        case .cron(let daysOfMonth, let weekdays, let either):
            return either
                ? daysOfMonth.contains(date.day) || weekdays.contains(weekday)
                : daysOfMonth.contains(date.day) && weekdays.contains(weekday)
        case .nthWeekday(let ordinal, let wanted):
            guard weekday == wanted else { return false }
            return ordinal == Self.last
                ? date.day + 7 > CivilDate.daysIn(month: date.month, year: date.year)
                : (date.day - 1) / 7 + 1 == ordinal
        }
    }
}

/// Five-field cron: minute hour day-of-month month day-of-week.
enum CronExpression {
    static func parse(_ text: String) throws(ScheduleError) -> FiringRule {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("@") { throw .shortcut(trimmed) }
        let fields = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
        // Words where the minute belongs mean prose, not a cron line with a typo.
        if fields.first?.contains(where: \.isLetter) == true { throw .unrecognised(trimmed) }
        guard fields.count == 5 else { throw .fieldCount(found: fields.count) }
        let minutes = try CronField.minute.values(fields[0])
        let hours = try CronField.hour.values(fields[1])
        let daysOfMonth = try CronField.dayOfMonth.values(fields[2])
        let months = try CronField.month.values(fields[3])
        let weekdays = try CronField.dayOfWeek.values(fields[4])
        // crontab(5): a field is restricted when it does not start with "*".
        let either = !fields[2].hasPrefix("*") && !fields[4].hasPrefix("*")
        if !either, !months.contains(where: { month in daysOfMonth.contains { $0 <= maxDays(month) } }) {
            throw .neverFires(dayOfMonth: fields[2], month: fields[3])
        }
        return FiringRule(
            minutes: minutes.sorted(), hours: hours.sorted(), months: months,
            days: .cron(daysOfMonth: daysOfMonth, weekdays: weekdays, either: either))
    }

    private static func maxDays(_ month: Int) -> Int { CivilDate.daysIn(month: month, year: 2000) }
}

/// One cron field: its name in messages, its values and the names it accepts.
enum CronField: String, Sendable {
    case minute, hour, dayOfMonth = "day-of-month", month, dayOfWeek = "day-of-week"

    var bounds: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7  // 0 and 7 are both Sunday.
        }
    }

    /// Names for values, in order from the first value of `bounds`.
    private var names: [String] {
        switch self {
        case .month: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        case .dayOfWeek: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        default: []
        }
    }

    var rangeText: String { "\(bounds.lowerBound)–\(bounds.upperBound)" }

    var hint: String {
        let values = names.isEmpty ? "numbers \(rangeText)" : "numbers \(rangeText) or names \(names.first!)–\(names.last!)"
        return "use \(values), *, lists (1,15), ranges (1-5) or steps (*/15, 1-30/2)"
    }

    /// The values `text` selects, with Sunday always 0.
    func values(_ text: String) throws(ScheduleError) -> Set<Int> {
        var values = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else { throw .emptyListItem(field: rawValue, text: text) }
            values.formUnion(try itemValues(String(item)))
        }
        return self == .dayOfWeek ? Set(values.map { $0 % 7 }) : values
    }

    private func itemValues(_ item: String) throws(ScheduleError) -> StrideThrough<Int> {
        let parts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .notUnderstood(field: rawValue, text: item) }
        let ends = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        let first: Int, last: Int
        if parts[0] == "*" {
            (first, last) = (bounds.lowerBound, bounds.upperBound)
        } else if ends.count == 2 {
            (first, last) = (try value(ends[0], item), try value(ends[1], item))
            guard first <= last else { throw .reversedRange(field: rawValue, text: item) }
        } else if ends.count == 1 {
            (first, last) = (try value(ends[0], item), try value(ends[0], item))
        } else {
            throw .notUnderstood(field: rawValue, text: item)
        }
        guard parts.count == 2 else { return stride(from: first, through: last, by: 1) }
        guard parts[0] == "*" || ends.count == 2 else { throw .stepWithoutRange(field: rawValue, text: item) }
        guard parts[1].allSatisfy(\.isASCIIDigit), let step = Int(parts[1]) else {
            throw .notUnderstood(field: rawValue, text: item)
        }
        guard step > 0 else { throw .zeroStep(field: rawValue, text: item) }
        return stride(from: first, through: last, by: step)
    }

    private func value(_ text: Substring, _ item: String) throws(ScheduleError) -> Int {
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) {
            guard let number = Int(text), bounds.contains(number) else { throw .outOfRange(field: rawValue, value: String(text)) }
            return number
        }
        guard let index = names.firstIndex(of: text.lowercased()) else { throw .notUnderstood(field: rawValue, text: item) }
        return bounds.lowerBound + index
    }
}
