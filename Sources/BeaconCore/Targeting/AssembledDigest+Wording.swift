public import Foundation

extension AssembledDigest {
    /// `Title – 1 Rhagfyr 2026 / Title – 1 December 2026`, in the order given: how every
    /// channel names one issue (an email subject, a feed item, a webhook message).
    public func title(in languages: [Language]) -> String {
        languages.map { "\(definition.title.resolved(in: $0).text) – \(DateWording.date(issueDate, in: $0))" }
            .joined(separator: " / ")
    }

    /// The first three headlines, for a feed item's short description.
    public func headlineSummary(in language: Language) -> String {
        let headlines = sections.flatMap(\.items).map { $0.headline.resolved(in: language).text }
        return headlines.prefix(3).joined(separator: "; ") + (headlines.count > 3 ? "; …" : "")
    }
}

extension CivilDate {
    /// Midnight at the start of this date in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
}
