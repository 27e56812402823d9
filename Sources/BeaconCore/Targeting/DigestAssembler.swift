/// Selects, ranks and trims what is new for one reader. Built once per configuration and
/// reused for every reader; the same inputs always give the same digest.
public struct DigestAssembler: Sendable {
    /// How far ahead a notice's event is worth a place in the diary section.
    static let noticeHorizonDays = 120
    /// Each project appears in at most this many matchmaking pairs, so one cluster cannot fill the page.
    static let matchesPerProject = 2

    let configuration: Configuration
    let similarity: ProjectSimilarity
    let facts: RankingFacts
    private let provenWork = SharedCache<ProvenWorkKey, [MatchCandidate]>()
    private let anchoredPairs = SharedCache<ProjectScope, [[MatchCandidate]?]>()
    private let matchesWithNews = SharedCache<ReaderMatchesKey, ReaderMatches>()
    private let contexts = SharedCache<ContextKey, IssueContext>()
    /// Readers alike in everything that selects and ranks items get the same issue; `send`
    /// hands them over one after another, so a few recent issues are enough to keep.
    private let recentIssues = SharedCache<IssueKey, AssembledDigest>(limit: 16)

    /// Sorting a network's pairs this many at a time: only tests change it.
    private let networkBandSize: Int?

    /// The projects and window an issue's shared work is for.
    private struct ContextKey: Hashable {
        let scope: ProjectScope
        let start: CivilDate
    }

    public init(configuration: Configuration) {
        self.init(configuration: configuration, networkBandSize: nil)
    }

    init(configuration: Configuration, networkBandSize: Int?) {
        self.networkBandSize = networkBandSize
        self.configuration = configuration
        similarity = ProjectSimilarity(projects: configuration.register.projects)
        facts = RankingFacts(projects: configuration.register.projects)
    }

    /// The issue dated `issueDate`, covering the window the digest's frequency gives: for
    /// previews, and for channels' own tests.
    public func assemble(_ definition: DigestDefinition, for reader: Reader, on issueDate: CivilDate) -> AssembledDigest {
        assemble(definition, for: reader, covering: definition.window(endingOn: issueDate, for: reader))
    }

    /// The issue covering `window`, dated its end: what the ledger asks for when sending.
    public func assemble(_ definition: DigestDefinition, for reader: Reader, covering window: DateWindow) -> AssembledDigest {
        let key = IssueKey(digest: definition.id, window: window, profile: SelectionProfile(reader))
        return recentIssues.value(key) { select(definition, for: reader, covering: window, key: key) }.addressed(to: reader)
    }

    private func select(_ definition: DigestDefinition, for reader: Reader, covering window: DateWindow, key: IssueKey) -> AssembledDigest {
        let context = context(definition, window)
        let candidates = candidates(definition, for: reader, covering: window, in: context)
        // A network's actions are its follow-up between meetings: all of them are listed,
        // outside the budget, which the rest of the page shares.
        var kept = Ranking.ordered(candidates.actions, key: candidates.key).map(candidates.item)
        var budgeted = 0
        var words = 0
        for candidate in Ranking(candidates.budgeted, wanted: definition.budget.items, key: candidates.key) {
            guard budgeted < definition.budget.items else { break }
            let item = candidates.item(candidate)
            let length = item.words
            guard words + length <= definition.budget.words else { continue }
            kept.append(item)
            budgeted += 1
            words += length
        }
        let sections = definition.sections.filter { $0 != .fundFigures }.map { kind in
            AssembledDigest.Section(kind: kind, items: kept.filter { $0.section == kind })
        }
        let figures = definition.sections.contains(.fundFigures)
            ? context.fundFigures.sharing(context.organisationShare(of: reader.organisation)) : nil
        return AssembledDigest(
            definition: definition, reader: reader, issueDate: window.end, window: window, sections: sections, figures: figures,
            omitted: candidates.budgeted.count + candidates.actions.count - kept.count, sharingKey: key)
    }

    /// Pairs like the reader's own with news in the window, from what every issue over the same projects shares.
    func matchmaker() -> Matchmaker {
        var matchmaker = Matchmaker(similarity: similarity, organisations: facts.organisations, proven: provenWork, anchored: anchoredPairs,
                                    withNews: matchesWithNews)
        if let networkBandSize { matchmaker.bandSize = networkBandSize }
        return matchmaker
    }

    /// The projects, news and figures every reader of the issue shares.
    func context(_ definition: DigestDefinition, _ window: DateWindow) -> IssueContext {
        let scope = ProjectScope(definition, before: window.end)
        return contexts.value(ContextKey(scope: scope, start: window.start)) {
            IssueContext(scope: scope, window: window, register: configuration.register, similarity: similarity, organisations: facts.organisations)
        }
    }
}
