/// One entry in a digest, with the score that ranked it and the reasons shown to the reader.
public struct DigestItem: Sendable {
    public enum Content: Sendable {
        /// Everything new about one project in the window, so a project takes one place on the page.
        case news(Project, ProjectNews)
        /// A project like `anchor` (the reader's own, or another in a network's scope) elsewhere.
        /// For a network both sides are introduced, each with its contact.
        case similar(match: Project, anchor: Project?, introduceBoth: Bool)
        case notice(Notice)
        case action(NetworkAction, project: Project?)
    }

    /// Stable across runs, for tie-breaking and for recognising an item in later issues.
    public let key: String
    public let content: Content
    public let date: CivilDate
    public let score: Int
    public let reasons: [Reason]
    /// Set when the project's champion has not been confirmed within the stale-contact limit.
    public let staleContactSince: CivilDate?

    /// How long the item is, for the page budget: counted when asked, since most candidates
    /// of a large register are ranked below the budget and never counted.
    public var words: Int { content.pageWordCount }

    public var section: DigestSection {
        switch content {
        case .news: .highlights
        case .similar: .similarProjects
        case .notice: .notices
        case .action: .actions
        }
    }

    /// The project the item is about, whose contact the reader can call.
    public var project: Project? {
        switch content {
        case .news(let project, _): project
        case .similar(let match, _, _): match
        case .action(_, let project): project
        case .notice: nil
        }
    }
}

/// What happened to a project within an issue's window.
public struct ProjectNews: Sendable {
    public let latestUpdate: ProgressUpdate?
    public let newlyEvaluated: Bool
    public let lessons: [Lesson]
    public let newlyApproved: Bool

    public var isEmpty: Bool { latestUpdate == nil && !newlyEvaluated && lessons.isEmpty && !newlyApproved }
}

extension DigestItem {
    /// The item's headline, as the templates show it: a project's title, a notice's, an action.
    public var headline: LocalizedText {
        switch content {
        case .news(let project, _), .similar(let project, _, _): project.title
        case .notice(let notice): notice.title
        case .action(let action, _): action.action
        }
    }
}
