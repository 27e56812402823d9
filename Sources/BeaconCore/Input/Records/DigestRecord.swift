import Foundation

extension DigestDefinition {
    static let keys: Set<String> = [
        "id", "title.en", "title.cy", "audiences", "frequency", "schedule", "channels",
        "budget.items", "budget.words", "sections", "funds", "send_when_empty", "split", "time_zone", "open_to_signup",
    ]

    /// `timeZone` is the settings' zone, which a digest's own `time_zone` overrides.
    static func decode(
        _ reader: RecordReader, ids: inout UniqueIDs<DigestDefinition>, audiences: [AudienceID: Audience], funds: Set<FundID>,
        timeZone: TimeZone
    ) -> DigestDefinition? {
        let id = ids.claim("id", in: reader)
        let title = reader.localized("title")
        let audienceIDs = reader.references("audiences", in: Set(audiences.keys), kind: "audience in audiences.yml", required: true)
        let frequency: Frequency? = reader.choice("frequency")
        let schedule = schedule(reader, timeZone: timeZone)
        let channels = reader.items("channels", required: true).map(ChannelName.init)
        let items = reader.positiveInt("budget.items") ?? Budget.onePage.items
        let words = reader.positiveInt("budget.words") ?? Budget.onePage.words
        let sections: [DigestSection] = reader.source.has("sections")
            ? reader.choices("sections", required: true) : [.fundFigures, .actions, .highlights, .similarProjects, .notices]
        let digestFunds = reader.references("funds", in: funds, kind: "fund in funds.csv")
        let sendWhenEmpty = reader.bool("send_when_empty") ?? false
        let split: EditionSplit? = reader.choice("split", default: .none)
        let openToSignup = reader.bool("open_to_signup") ?? false

        if frequency == .perMeeting {
            for audience in audienceIDs where audiences[audience]?.kind != .network {
                reader.report(.inconsistent("per-meeting digests are for networks, but \(audience) is not a network"), "audiences")
            }
        }
        if sections.contains(.actions), !audienceIDs.contains(where: { audiences[$0]?.kind == .network }) {
            reader.report(.inconsistent("the actions section lists network actions, but no audience here is a network"), "sections")
        }
        guard let id, let title, !audienceIDs.isEmpty, let frequency, let schedule, !channels.isEmpty, let split else { return nil }
        return DigestDefinition(
            id: id, title: title, audiences: audienceIDs, frequency: frequency, schedule: schedule,
            channels: channels, budget: Budget(items: items, words: words), sections: sections,
            funds: digestFunds, sendWhenEmpty: sendWhenEmpty, split: split, openToSignup: openToSignup)
    }

    /// Nil, reported, when the schedule or the zone cannot be read; the schedule is still
    /// checked against the settings' zone when the digest's own zone is wrong.
    private static func schedule(_ reader: RecordReader, timeZone: TimeZone) -> Schedule? {
        var zone: TimeZone? = timeZone
        if let name = reader.string("time_zone", required: false) {
            zone = TimeZone(identifier: name)
            if zone == nil { reader.report(.badTimeZone(name), "time_zone") }
        }
        guard let text = reader.string("schedule") else { return nil }
        do {
            let schedule = try Schedule(parsing: text, timeZone: zone ?? timeZone)
            if schedule.timesADay > 1 { reader.report(.severalTimesADay(schedule.timesADay), "schedule") }
            return zone == nil ? nil : schedule
        } catch {
            reader.report(.badSchedule(error.description), "schedule")
            return nil
        }
    }
}
