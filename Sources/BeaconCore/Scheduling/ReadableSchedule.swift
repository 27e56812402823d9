/// Schedules in words, for officers who do not read cron. Only a few fixed forms, so each
/// means one thing; "monthly on the first Tuesday" is the one cron cannot say.
enum ReadableSchedule {
    static let forms = [
        "daily at 09:00",
        "weekly on monday at 09:00",
        "weekly on monday and thursday at 09:00",
        "monthly on day 1 at 09:00",
        "monthly on days 1 and 15 at 08:30",
        "monthly on the first tuesday at 09:00 (first, second, third, fourth or last)",
    ]

    /// Index is the cron weekday number: 0 is Sunday.
    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "last": DayRule.last]

    static func isReadable(_ text: String) -> Bool {
        ["daily", "weekly", "monthly"].contains(words(text).first)
    }

    static func parse(_ text: String) throws(ScheduleError) -> FiringRule {
        let words = words(text)
        let unrecognised = ScheduleError.unrecognised(text.trimmingCharacters(in: .whitespaces))
        guard words.count >= 3, words[words.count - 2] == "at" else { throw unrecognised }
        let middle = words[1..<(words.count - 2)]
        let everyDay = Set(1...31), everyWeekday = Set(0...6)
        let days: DayRule
        switch (words[0], middle.first, middle.dropFirst().first) {
        case ("daily", nil, _):
            days = .cron(daysOfMonth: everyDay, weekdays: everyWeekday, either: false)
        case ("weekly", "on", _):
            guard let names = list(middle.dropFirst()) else { throw unrecognised }
            days = .cron(daysOfMonth: everyDay, weekdays: Set(try names.map(weekday)), either: false)
        case ("monthly", "on", "day"), ("monthly", "on", "days"):
            guard let numbers = list(middle.dropFirst(2)) else { throw unrecognised }
            days = .cron(daysOfMonth: Set(try numbers.map(dayOfMonth)), weekdays: everyWeekday, either: false)
        case ("monthly", "on", "the"):
            guard middle.count == 4 else { throw unrecognised }
            let ordinal = middle[middle.startIndex + 2]
            guard let number = ordinals[ordinal] else { throw .badOrdinal(ordinal) }
            days = .nthWeekday(ordinal: number, weekday: try weekday(middle[middle.startIndex + 3]))
        default:
            throw unrecognised
        }
        let (hour, minute) = try time(words[words.count - 1])
        return FiringRule(minutes: [minute], hours: [hour], months: Set(1...12), days: days)
    }

    /// Lower-case words, with each comma a word of its own.
    private static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: ",", with: " , ").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Items separated by ",", "and" or ", and"; nil if an item is missing.
    private static func list(_ words: ArraySlice<String>) -> [String]? {
        var items: [String] = []
        var needItem = true
        var previous: String?
        for word in words {
            if word == "," || word == "and" {
                guard !needItem || (word == "and" && previous == ",") else { return nil }
                needItem = true
            } else {
                guard needItem else { return nil }
                items.append(word)
                needItem = false
            }
            previous = word
        }
        return needItem ? nil : items
    }

    private static func weekday(_ word: String) throws(ScheduleError) -> Int {
        guard let index = weekdays.firstIndex(of: word) else { throw .badWeekday(word) }
        return index
    }

    private static func dayOfMonth(_ word: String) throws(ScheduleError) -> Int {
        guard word.allSatisfy(\.isASCIIDigit), let day = Int(word), (1...31).contains(day) else { throw .badDayOfMonth(word) }
        return day
    }

    /// 24-hour HH:MM; a one-digit hour is accepted, as people write 9:00.
    private static func time(_ word: String) throws(ScheduleError) -> (hour: Int, minute: Int) {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else {
            throw .badTime(word)
        }
        return (hour, minute)
    }
}
