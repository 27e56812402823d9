/// Selects, ranks and trims what is new for one reader. Built once per configuration and
/// reused for every reader; the same inputs always give the same digest.
public struct DigestAssembler: Sendable {
    /// How far ahead a notice's event is worth a place in the diary section.
    static let noticeHorizonDays = 120
    /// Each project appears in at most this many matchmaking pairs, so one cluster cannot fill the page.
    static let matchesPerProject = 2

    private let configuration: Configuration
    private let similarity: ProjectSimilarity
    private let facts: RankingFacts
    private let provenWork = SharedCache<[MatchCandidate]>()
    private let anchoredPairs = SharedCache<[String: [MatchCandidate]]>()
    private let matchesWithNews = SharedCache<ReaderMatches>()
    private let contexts = SharedCache<IssueContext>()
    /// Readers alike in everything that selects and ranks items get the same issue; `send`
    /// hands them over one after another, so a few recent issues are enough to keep.
    private let recentIssues = SharedCache<AssembledDigest>(limit: 16)

    /// Sorting a network's pairs this many at a time: only tests change it.
    private let networkBandSize: Int?

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
        let key = "\(definition.id)|\(window.start)|\(window.end)|\(reader.selectionProfile)"
        return recentIssues.value(key) { select(definition, for: reader, covering: window, key: key) }.addressed(to: reader)
    }

    private func select(_ definition: DigestDefinition, for reader: Reader, covering window: DateWindow, key sharingKey: String) -> AssembledDigest {
        let issueDate = window.end
        let context = context(definition, window)
        var matchmaker = Matchmaker(similarity: similarity, proven: provenWork, anchored: anchoredPairs, withNews: matchesWithNews)
        if let networkBandSize { matchmaker.bandSize = networkBandSize }
        let matches = matchmaker.matches(in: context, window: window, for: reader)
        let wanted = Set(definition.sections)
        var candidates: [Candidate] = []
        let interests = similarity.themeMask(reader.interests)
        let readerFacts = facts.reader(reader)
        if wanted.contains(.highlights) {
            candidates += highlights(context, matches: matches, reader: readerFacts, interests: interests)
        }
        if wanted.contains(.similarProjects) {
            candidates += matches.listed.indices.map { index in
                let pair = matches.listed[index]
                let position = pair.matchPosition
                let score = 25 + facts.score(position, sharedThemes: similarity.sharedThemes(position, interests), for: readerFacts)
                    + (pair.anchor == nil ? 0 : pair.weight)
                return Candidate(score: score, date: Self.date(of: pair), source: .match(index))
            }
        }
        let notices = wanted.contains(.notices) ? notices(definition: definition, window: window, reader: reader, issueDate: issueDate) : []
        let actions = wanted.contains(.actions) ? actions(window: window, reader: reader, issueDate: issueDate) : []
        let built = notices + actions
        candidates += notices.indices.map { Candidate(built: built, at: $0) }
        let key = { (candidate: Candidate) -> String in
            switch candidate.source {
            case .highlight(let index): Self.key(of: context.projectsWithNews[index])
            case .match(let index): Self.key(of: matches.listed[index])
            case .built(let index): built[index].key
            }
        }
        let build = { (candidate: Candidate) -> DigestItem in
            switch candidate.source {
            case .highlight(let index):
                let project = context.projectsWithNews[index]
                return highlight(project, news: context.news[project.id]!, strongest: matches.strongest(index, in: context, similarity: similarity),
                                 reader: reader, issueDate: issueDate)
            case .match(let index):
                return match(matches.listed[index], reader: reader, issueDate: issueDate)
            case .built(let index):
                return built[index]
            }
        }
        // A network's actions are its follow-up between meetings: all of them are listed,
        // outside the budget, which the rest of the page shares.
        var kept = Ranking.ordered(actions.indices.map { Candidate(built: built, at: notices.count + $0) }, key: key).map(build)
        var budgeted = 0
        var words = 0
        for candidate in Ranking(candidates, wanted: definition.budget.items, key: key) {
            guard budgeted < definition.budget.items else { break }
            let item = build(candidate)
            assert(item.score == candidate.score, "\(item.key) ranked at \(candidate.score) but scored \(item.score) with its reasons")
            let length = item.words
            guard words + length <= definition.budget.words else { continue }
            kept.append(item)
            budgeted += 1
            words += length
        }
        let sections = definition.sections.filter { $0 != .fundFigures }.map { kind in
            AssembledDigest.Section(kind: kind, items: kept.filter { $0.section == kind })
        }
        let figures = wanted.contains(.fundFigures)
            ? context.fundFigures.sharing(with: reader.organisation, among: context.liveProjects) : nil
        return AssembledDigest(
            definition: definition, reader: reader, issueDate: issueDate, window: window,
            sections: sections, figures: figures, omitted: candidates.count + actions.count - kept.count, sharingKey: sharingKey)
    }

    /// The projects, news and figures every reader of the issue shares.
    private func context(_ definition: DigestDefinition, _ window: DateWindow) -> IssueContext {
        let funds = definition.funds.map(\.rawValue).sorted().joined(separator: ",")
        return contexts.value("\(funds)|\(window.start)|\(window.end)") {
            // Projects approved after the issue date do not exist yet for that issue.
            let projects = configuration.register.projects.filter { project in
                (definition.funds.isEmpty || definition.funds.contains(project.fund)) && project.approvedOn < window.end
            }
            let news = news(about: projects, in: window)
            let live = projects.filter { $0.status != .withdrawn }
            let withNews = projects.filter { news[$0.id] != nil }
            let relevance = withNews.map { project in
                var score = RelevanceScore()
                let (base, date) = Self.newsRelevance(project, news[project.id]!, into: &score)
                return (score: base + score.score, date: date)
            }
            return IssueContext(
                projects: projects, news: news, projectsWithNews: withNews, newsPositions: withNews.map { similarity.position(of: $0)! },
                newsScores: relevance.map(\.score),
                newsDates: relevance.map(\.date), liveProjects: live,
                fundFigures: FundFigures(projects: live, organisation: nil), scope: "\(funds)|\(window.end)")
        }
    }

    // MARK: - Candidates

    /// What is new about each project in the window: its latest update, a newly published
    /// evaluation, lessons recorded, or its approval.
    private func news(about projects: [Project], in window: DateWindow) -> [ProjectID: ProjectNews] {
        var latest: [ProjectID: ProgressUpdate] = [:]
        for update in configuration.register.updates where window.contains(update.reportedOn) {
            if let current = latest[update.project], (current.reportedOn, current.id) >= (update.reportedOn, update.id) { continue }
            latest[update.project] = update
        }
        let lessons = Dictionary(grouping: configuration.register.lessons.filter { window.contains($0.recordedOn) }, by: \.project)
        var result: [ProjectID: ProjectNews] = [:]
        for project in projects {
            let news = ProjectNews(
                latestUpdate: latest[project.id],
                newlyEvaluated: project.evaluation.publishedOn.map(window.contains) ?? false,
                lessons: (lessons[project.id] ?? []).sorted { ($0.recordedOn, $0.id) < ($1.recordedOn, $1.id) },
                newlyApproved: window.contains(project.approvedOn))
            if !news.isEmpty { result[project.id] = news }
        }
        return result
    }

    /// One candidate per project with news, so a project takes one place on the page, ranked
    /// by its score alone: only those that make the page are built into items.
    private func highlights(_ context: IssueContext, matches: ReaderMatches, reader: RankingFacts.ReaderFacts, interests: [UInt64]) -> [Candidate] {
        context.newsPositions.indices.map { index in
            let position = context.newsPositions[index]
            let score = context.newsScores[index] + facts.score(position, sharedThemes: similarity.sharedThemes(position, interests), for: reader)
                + matches.strongestWeight(index)
            return Candidate(score: score, date: context.newsDates[index], source: .highlight(index))
        }
    }

    /// A project's highlight; a project like the reader's own says so.
    private func highlight(_ project: Project, news: ProjectNews, strongest: MatchPair?, reader: Reader, issueDate: CivilDate) -> DigestItem {
        var relevance = Relevance.of(project, for: reader)
        if reader.network == nil, let pair = strongest, let reason = pair.reason {
            relevance.add(pair.weight, reason)
        }
        let (base, date) = Self.newsRelevance(project, news, into: &relevance)
        return item(Self.key(of: project), .news(project, news), date, base: base, relevance, reader, issueDate)
    }

    /// What a project's news adds to its rank: a base for the kind of news plus reasons, and
    /// the date of its latest news. Shared by every reader of the issue.
    static func newsRelevance(_ project: Project, _ news: ProjectNews, into relevance: inout some RelevanceSink) -> (base: Int, date: CivilDate) {
        var base = 0
        if news.newlyEvaluated { relevance.add(40, .newlyEvaluated) }
        if news.newlyApproved { relevance.add(15, .newlyApproved) }
        if !news.lessons.isEmpty { base = news.lessons.contains { $0.wentWrong != nil } ? 35 : 30 }
        if let update = news.latestUpdate {
            base = max(base, 20)
            if update.rag == .red { relevance.add(5, .atRisk) }
        }
        let dates = [news.latestUpdate?.reportedOn, news.newlyEvaluated ? project.evaluation.publishedOn : nil,
                     news.newlyApproved ? project.approvedOn : nil] + news.lessons.map(\.recordedOn)
        return (base, dates.compactMap { $0 }.max()!)
    }

    /// A matchmaking item; a network is shown both sides of the pair, each with its contact,
    /// since introducing them is the point.
    private func match(_ pair: MatchPair, reader: Reader, issueDate: CivilDate) -> DigestItem {
        var relevance = Relevance.of(pair.match, for: reader)
        if let reason = pair.reason { relevance.add(pair.weight, reason) }
        let content = DigestItem.Content.similar(match: pair.match, anchor: pair.anchor, introduceBoth: pair.introducesBoth)
        return item(Self.key(of: pair), content, Self.date(of: pair), base: 25, relevance, reader, issueDate)
    }

    private static func key(of project: Project) -> String { "project:\(project.id)" }

    private static func key(of pair: MatchPair) -> String {
        "match:\(pair.anchor.map { "\($0.id)+" } ?? "")\(pair.match.id)"
    }

    private static func date(of pair: MatchPair) -> CivilDate {
        max(pair.match.approvedOn, pair.anchor?.approvedOn ?? pair.match.approvedOn)
    }

    private func notices(definition: DigestDefinition, window: DateWindow, reader: Reader, issueDate: CivilDate) -> [DigestItem] {
        configuration.register.notices.compactMap { notice in
            guard definition.funds.isEmpty || definition.funds.contains(notice.fund) else { return nil }
            let upcoming = notice.eventOn.map { $0 >= issueDate && issueDate.days(until: $0) <= Self.noticeHorizonDays } ?? false
            guard window.contains(notice.publishedOn) || (upcoming && notice.publishedOn < issueDate) else { return nil }
            var relevance = Relevance()
            if !notice.sectors.isEmpty {
                guard !reader.sectors.isDisjoint(with: notice.sectors) else { return nil }
                relevance.add(10, .forYourSector)
            }
            if let event = notice.eventOn, upcoming {
                relevance.add(issueDate.days(until: event) <= 30 ? 15 : 5, .comingUp(event))
            }
            return item("notice:\(notice.id)", .notice(notice), notice.publishedOn, base: 25, relevance, reader, issueDate)
        }
    }

    /// Every open action of the reader's network, overdue first, and those closed in the window.
    private func actions(window: DateWindow, reader: Reader, issueDate: CivilDate) -> [DigestItem] {
        guard let network = reader.network else { return [] }
        return configuration.register.actions.compactMap { action in
            guard action.network == network.id else { return nil }
            var relevance = Relevance()
            let base: Int
            switch action.status {
            case .open where action.isOverdue(on: issueDate):
                let days = action.dueOn.days(until: issueDate)
                relevance.add(min(days, 60), .overdue(days: days))
                base = 100
            case .open:
                relevance.add(0, .dueOn(action.dueOn))
                base = issueDate.days(until: action.dueOn) <= 30 ? 70 : 50
            case .done, .dropped:
                guard let closed = action.closedOn, window.contains(closed) else { return nil }
                relevance.add(0, .closed(action.status))
                base = 30
            }
            let project = action.project.flatMap { configuration.register.projectsByID[$0] }
            return item("action:\(action.id)", .action(action, project: project), action.dueOn, base: base, relevance, reader, issueDate)
        }
    }

    private func item(
        _ key: String, _ content: DigestItem.Content, _ date: CivilDate, base: Int, _ relevance: Relevance,
        _ reader: Reader, _ issueDate: CivilDate
    ) -> DigestItem {
        let staleLimit = issueDate.adding(months: -configuration.settings.staleContactMonths)
        let stale = content.contactProjects.first { $0.contact.confirmedOn < staleLimit }?.contact.confirmedOn
        return DigestItem(
            key: key, content: content, date: date, score: base + relevance.score, reasons: relevance.ranked,
            staleContactSince: stale)
    }
}
