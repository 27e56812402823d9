/// A funding round, open day, seminar or deadline.
public struct Notice: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case fundingRound = "funding-round"
        case openDay = "open-day"
        case seminar
        case deadline

        public var label: LocalizedText {
            switch self {
            case .fundingRound: LocalizedText(english: "Funding round", welsh: "Cylch cyllido")
            case .openDay: LocalizedText(english: "Open day", welsh: "Diwrnod agored")
            case .seminar: LocalizedText(english: "Seminar", welsh: "Seminar")
            case .deadline: LocalizedText(english: "Deadline", welsh: "Dyddiad cau")
            }
        }
    }

    public let id: NoticeID
    public let fund: FundID
    public let kind: Kind
    public let title: LocalizedText
    public let details: LocalizedText?
    public let publishedOn: CivilDate
    public let eventOn: CivilDate?
    /// Empty means everyone.
    public let sectors: [Sector]
    public let link: String?
}
