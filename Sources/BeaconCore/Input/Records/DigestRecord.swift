extension DigestDefinition {
    static let keys: Set<String> = [
        "id", "title.en", "title.cy", "audiences", "frequency", "schedule", "channels",
        "budget.items", "budget.words", "sections", "funds", "send_when_empty", "split",
    ]

    static func decode(
        _ reader: RecordReader, ids: inout UniqueIDs<DigestDefinition>, audiences: [AudienceID: Audience], funds: Set<FundID>
    ) -> DigestDefinition? {
        let id = ids.claim("id", in: reader)
        let title = reader.localized("title")
        let audienceIDs = reader.references("audiences", in: Set(audiences.keys), kind: "audience in audiences.yml", required: true)
        let frequency: Frequency? = reader.choice("frequency")
        let schedule = reader.string("schedule")
        let channels = reader.items("channels", required: true).map(ChannelName.init)
        let items = reader.positiveInt("budget.items") ?? Budget.onePage.items
        let words = reader.positiveInt("budget.words") ?? Budget.onePage.words
        let sections: [DigestSection] = reader.source.has("sections")
            ? reader.choices("sections", required: true) : [.fundFigures, .actions, .highlights, .similarProjects, .notices]
        let digestFunds = reader.references("funds", in: funds, kind: "fund in funds.csv")
        let sendWhenEmpty = reader.bool("send_when_empty") ?? false
        let split: EditionSplit? = reader.choice("split", default: .none)

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
            funds: digestFunds, sendWhenEmpty: sendWhenEmpty, split: split)
    }
}
