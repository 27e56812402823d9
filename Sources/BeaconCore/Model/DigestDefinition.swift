/// What a digest is: who it is for, what it selects, how long it may be, when and how it goes.
public struct DigestDefinition: Sendable, Hashable {
    public let id: DigestID
    public let title: LocalizedText
    public let audiences: [AudienceID]
    public let frequency: Frequency
    /// When issues go, in the digest's own time zone.
    public let schedule: Schedule
    public let channels: [ChannelName]
    public let budget: Budget
    public let sections: [DigestSection]
    /// Empty means every fund.
    public let funds: [FundID]
    public let sendWhenEmpty: Bool
    /// How shared editions (feeds) are divided beyond audience and language.
    public let split: EditionSplit
    /// Whether people may ask for it on the web (`beacon serve`'s sign-up form, with double
    /// opt-in); the fund team's files decide for everyone else.
    public var openToSignup = false
}

public enum EditionSplit: String, CaseIterable, Sendable, Hashable {
    case none
    case sector
}

/// How much news an issue covers.
public enum Frequency: String, CaseIterable, Sendable, Hashable {
    case weekly, fortnightly, monthly, quarterly
    /// From one network meeting to the next.
    case perMeeting = "per-meeting"

    /// The first day of the window ending on `end`, for calendar frequencies.
    public func windowStart(endingOn end: CivilDate) -> CivilDate {
        switch self {
        case .weekly: end.adding(days: -7)
        case .fortnightly: end.adding(days: -14)
        case .monthly: end.adding(months: -1)
        case .quarterly, .perMeeting: end.adding(months: -3)
        }
    }
}

/// About one page: the report found shorter documents are the ones people read.
public struct Budget: Sendable, Hashable {
    public let items: Int
    public let words: Int

    public static let onePage = Budget(items: 8, words: 450)
}

public enum DigestSection: String, CaseIterable, Sendable, Hashable {
    case fundFigures = "fund-figures"
    case actions
    case highlights
    case similarProjects = "similar-projects"
    case notices
}
