import Foundation

/// RFC 5322 dates (`Tue,  1 Dec 2026 09:16:21 +0000 (UTC)`) as servers write them in `Date`,
/// `Arrival-Date` and `Last-Attempt-Date`: the day name and seconds optional, a numeric zone
/// or an obsolete name, a trailing comment ignored. Nil when it is not a date.
enum MailDate {
    static func parse(_ text: String) -> Date? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, first.first?.isLetter == true { words.removeFirst() }
        guard words.count >= 4,
              let day = Int(words[0]), (1...31).contains(day),
              let month = months.firstIndex(of: words[1].prefix(3).lowercased()).map({ $0 + 1 }),
              var year = Int(words[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        let time = words[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2, time.count == words[3].split(separator: ":").count,
              (0...23).contains(time[0]), (0...59).contains(time[1]), (0...60).contains(time.count > 2 ? time[2] : 0)
        else { return nil }
        let offset = words.count > 4 ? zoneOffset(words[4]) : 0
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = time[0]
        components.minute = time[1]
        components.second = time.count > 2 ? time[2] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: components).map { $0.addingTimeInterval(TimeInterval(-offset)) }
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Seconds east of UTC; an unknown zone counts as UTC, as RFC 5322 says of `-0000`.
    private static func zoneOffset(_ zone: String) -> Int {
        if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        let named = ["EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8, "BST": 1, "CET": 1, "CEST": 2]
        return (named[zone.uppercased()] ?? 0) * 3600
    }
}
