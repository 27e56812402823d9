public import Foundation

/// A calendar date as the register writes it, with no time of day and no time zone.
/// Issue dates are civil dates in the settings' time zone (Europe/London by default).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Accepts ISO `2026-04-01` and the day-first `01/04/2026` that UK spreadsheets export.
    public init?(parsing text: String) {
        if let (year, month, day) = Self.plain(text) {
            self.init(year: year, month: month, day: day)
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let parts = Self.numbers(trimmed, separator: "-", widths: [4, 2, 2]) {
            self.init(year: parts[0], month: parts[1], day: parts[2])
        } else if let parts = Self.numbers(trimmed, separator: "/", widths: [2, 2, 4]) {
            self.init(year: parts[2], month: parts[1], day: parts[0])
        } else {
            return nil
        }
    }

    /// Today's date in the given time zone.
    public static func today(in timeZone: TimeZone, now: Date = Date()) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Written out by hand: a formatter for every date of every message cost more than the rest of its headers.
    public var description: String {
        let padded = { (value: Int, width: Int) in
            let digits = String(value)
            return String(repeating: "0", count: max(width - digits.count, 0)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for whole-day arithmetic without time zones.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Calendar months, clamped to the month's last day (31 March minus one month is 28 or 29 February).
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let newDay = min(day, Self.daysIn(month: newMonth, year: newYear))
        return CivilDate(year: newYear, month: newMonth, day: newDay)!
    }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Year, month and day of exactly `2026-04-01` or `01/04/2026`, read from the bytes: nearly
    /// every date in a register is one, and trimming through Foundation cost more than the rest.
    private static func plain(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) {
            return (year, month, day)
        }
        if bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/"), let day = number(0..<2), let month = number(3..<5), let year = number(6..<10) {
            return (year, month, day)
        }
        return nil
    }

    private static func numbers(_ text: String, separator: Character, widths: [Int]) -> [Int]? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == widths.count else { return nil }
        var values: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard part.count == width, part.allSatisfy(\.isASCIIDigit), let value = Int(part) else { return nil }
            values.append(value)
        }
        return values
    }
}

/// A half-open span of days `[start, end)`: an issue dated `end` covers news from `start`
/// up to the day before, so consecutive issues neither miss nor repeat a day.
public struct DateWindow: Hashable, Sendable {
    public let start: CivilDate
    public let end: CivilDate

    public init(start: CivilDate, end: CivilDate) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: CivilDate) -> Bool { start <= date && date < end }
}
