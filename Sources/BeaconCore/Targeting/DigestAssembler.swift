/// Selects, ranks and trims what is new for one reader. Built once per configuration and
/// reused for every reader; the same inputs always give the same digest.
public struct DigestAssembler: Sendable {
    /// How far ahead a notice's event is worth a place in the diary section.
    static let noticeHorizonDays = 120
    /// Each project appears in at most this many matchmaking pairs, so one cluster cannot fill the page.
    static let matchesPerProject = 2

    private let configuration: Configuration
    private let similarity: ProjectSimilarity
    private let matchCache = MatchCache()
    private let contexts = IssueContextCache()

    public init(configuration: Configuration) {
        self.configuration = configuration
        similarity = ProjectSimilarity(projects: configuration.register.projects)
    }

    /// The issue dated `issueDate`, covering the window the digest's frequency gives: for
    /// previews, and for channels' own tests.
    public func assemble(_ definition: DigestDefinition, for reader: Reader, on issueDate: CivilDate) -> AssembledDigest {
        assemble(definition, for: reader, covering: definition.window(endingOn: issueDate, for: reader))
    }

    /// The issue covering `window`, dated its end: what the ledger asks for when sending.
    public func assemble(_ definition: DigestDefinition, for reader: Reader, covering window: DateWindow) -> AssembledDigest {
        let issueDate = window.end
        let context = context(definition, window)
        let projects = context.projects
        let news = context.news
        let pairs = Matchmaker(similarity: similarity, cache: matchCache).pairs(among: projects, scope: context.scope, for: reader, news: news)
        var candidates: [DigestItem] = []
        let wanted = Set(definition.sections)
        if wanted.contains(.highlights) {
            candidates += highlights(projects: context.projectsWithNews, news: news, pairs: pairs, reader: reader, issueDate: issueDate)
        }
        if wanted.contains(.similarProjects) {
            candidates += matches(pairs, news: news, reader: reader, issueDate: issueDate)
        }
        if wanted.contains(.notices) {
            candidates += notices(definition: definition, window: window, reader: reader, issueDate: issueDate)
        }
        if wanted.contains(.actions) {
            candidates += actions(window: window, reader: reader, issueDate: issueDate)
        }
        // Sorting positions rather than the items themselves: a large register gives each
        // reader thousands of candidates, and moving whole items dominated the time.
        let order = candidates.indices.sorted { a, b in
            (candidates[a].score, candidates[a].date, candidates[b].key) > (candidates[b].score, candidates[b].date, candidates[a].key)
        }
        let ranked = order.lazy.map { candidates[$0] }
        // A network's actions are its follow-up between meetings: all of them are listed,
        // outside the budget, which the rest of the page shares.
        var kept = Array(ranked.filter { $0.section == .actions })
        var budgeted = 0
        var words = 0
        for item in ranked where item.section != .actions
            && budgeted < definition.budget.items && words + item.words <= definition.budget.words {
            kept.append(item)
            budgeted += 1
            words += item.words
        }
        let sections = definition.sections.filter { $0 != .fundFigures }.map { kind in
            AssembledDigest.Section(kind: kind, items: kept.filter { $0.section == kind })
        }
        let figures = wanted.contains(.fundFigures)
            ? context.fundFigures.sharing(with: reader.organisation, among: context.liveProjects) : nil
        return AssembledDigest(
            definition: definition, reader: reader, issueDate: issueDate, window: window,
            sections: sections, figures: figures, omitted: ranked.count - kept.count)
    }

    /// The projects, news and figures every reader of the issue shares.
    private func context(_ definition: DigestDefinition, _ window: DateWindow) -> IssueContext {
        let funds = definition.funds.map(\.rawValue).sorted().joined(separator: ",")
        return contexts.context("\(funds)|\(window.start)|\(window.end)") {
            // Projects approved after the issue date do not exist yet for that issue.
            let projects = configuration.register.projects.filter { project in
                (definition.funds.isEmpty || definition.funds.contains(project.fund)) && project.approvedOn < window.end
            }
            let news = news(about: projects, in: window)
            let live = projects.filter { $0.status != .withdrawn }
            return IssueContext(
                projects: projects, news: news, projectsWithNews: projects.filter { news[$0.id] != nil }, liveProjects: live,
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

    /// One item per project with news, so a project takes one place on the page; a project like
    /// the reader's own says so.
    private func highlights(
        projects: [Project], news: [ProjectID: ProjectNews], pairs: [MatchPair], reader: Reader, issueDate: CivilDate
    ) -> [DigestItem] {
        // The first pair for each match is its strongest: pairs come strongest first.
        var strongest: [ProjectID: MatchPair] = [:]
        for pair in pairs where strongest[pair.match.id] == nil { strongest[pair.match.id] = pair }
        return projects.compactMap { project in
            guard let news = news[project.id] else { return nil }
            var relevance = Relevance.of(project, for: reader)
            if reader.network == nil, let pair = strongest[project.id], let reason = pair.reason {
                relevance.add(pair.weight, reason)
            }
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
            let date = dates.compactMap { $0 }.max()!
            return item("project:\(project.id)", .news(project, news), date, base: base, relevance, reader, issueDate)
        }
    }

    /// Matchmaking items. A subscriber's match that has news of its own already stands in the
    /// highlights with the match as its reason, so it is not repeated here; a network is shown
    /// each pair, both contacts given, since introducing them is the point.
    private func matches(_ pairs: [MatchPair], news: [ProjectID: ProjectNews], reader: Reader, issueDate: CivilDate) -> [DigestItem] {
        var appearances: [ProjectID: Int] = [:]
        var items: [DigestItem] = []
        for pair in pairs where reader.network != nil || reader.organisation == nil || news[pair.match.id] == nil {
            let involved = [pair.match.id] + (pair.introducesBoth ? [pair.anchor?.id].compactMap { $0 } : [])
            guard involved.allSatisfy({ appearances[$0, default: 0] < Self.matchesPerProject }) else { continue }
            involved.forEach { appearances[$0, default: 0] += 1 }
            var relevance = Relevance.of(pair.match, for: reader)
            if let reason = pair.reason { relevance.add(pair.weight, reason) }
            let key = "match:\(pair.anchor.map { "\($0.id)+" } ?? "")\(pair.match.id)"
            let date = max(pair.match.approvedOn, pair.anchor?.approvedOn ?? pair.match.approvedOn)
            let content = DigestItem.Content.similar(match: pair.match, anchor: pair.anchor, introduceBoth: pair.introducesBoth)
            items.append(item(key, content, date, base: 25, relevance, reader, issueDate))
        }
        return items
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
