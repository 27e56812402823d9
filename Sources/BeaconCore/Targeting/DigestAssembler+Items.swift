/// How each kind of candidate is built into an item with its weighed reasons.
extension DigestAssembler {
    /// What a pair of similar projects starts from, before the rules and the pairing add to it.
    static let matchBase = 25

    /// A project's highlight; a project like the reader's own says so.
    func highlight(
        _ project: Project, at position: Int, news: ProjectNews, strongest: MatchPair?, reader: Reader, facts readerFacts: RankingFacts.ReaderFacts
    ) -> RankedItem {
        var relevance = facts.relevance(position, of: project, for: reader, readerFacts)
        if let pair = strongest, let reason = pair.reason { relevance.add(pair.weight, reason) }
        let (base, date) = Self.newsRelevance(project, news, into: &relevance)
        return RankedItem(key: Self.key(of: project), content: .news(project, news), date: date, base: base, relevance: relevance)
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
    func match(_ pair: MatchPair, reader: Reader, facts readerFacts: RankingFacts.ReaderFacts) -> RankedItem {
        var relevance = facts.relevance(pair.matchPosition, of: pair.match, for: reader, readerFacts)
        if let reason = pair.reason { relevance.add(pair.weight, reason) }
        let content = DigestItem.Content.similar(match: pair.match, anchor: pair.anchor, introduceBoth: pair.introducesBoth)
        return RankedItem(key: Self.key(of: pair), content: content, date: pair.date, base: Self.matchBase, relevance: relevance)
    }

    static func key(of project: Project) -> String { "project:\(project.id)" }

    static func key(of pair: MatchPair) -> String {
        "match:\(pair.anchor.map { "\($0.id)+" } ?? "")\(pair.match.id)"
    }

    /// Notices published in the window, and those whose event is coming up, for the reader's sector.
    func notices(definition: DigestDefinition, window: DateWindow, reader: Reader) -> [RankedItem] {
        let issueDate = window.end
        let scope = ProjectScope(definition, before: issueDate)
        return configuration.register.notices.compactMap { notice in
            guard scope.covers(notice.fund) else { return nil }
            let upcoming = notice.eventOn.map { $0 >= issueDate && issueDate.days(until: $0) <= Self.noticeHorizonDays } ?? false
            guard IssueNews.isNew(notice, in: window) || (upcoming && notice.publishedOn < issueDate) else { return nil }
            var relevance = Relevance()
            if !notice.sectors.isEmpty {
                guard !reader.sectors.isDisjoint(with: notice.sectors) else { return nil }
                relevance.add(10, .forYourSector)
            }
            if let event = notice.eventOn, upcoming {
                relevance.add(issueDate.days(until: event) <= 30 ? 15 : 5, .comingUp(event))
            }
            return RankedItem(key: "notice:\(notice.id)", content: .notice(notice), date: notice.publishedOn, base: 25, relevance: relevance)
        }
    }

    /// Every open action of the reader's network, overdue first, and those closed in the window.
    func actions(window: DateWindow, reader: Reader) -> [RankedItem] {
        guard let network = reader.network else { return [] }
        let issueDate = window.end
        return configuration.register.actions.compactMap { action in
            guard action.network == network.id, IssueNews.lists(action, in: window) else { return nil }
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
                relevance.add(0, .closed(action.status))
                base = 30
            }
            let project = action.project.flatMap { configuration.register.projectsByID[$0] }
            return RankedItem(key: "action:\(action.id)", content: .action(action, project: project), date: action.dueOn, base: base, relevance: relevance)
        }
    }
}
