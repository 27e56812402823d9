/// Everything that may make one reader's page, scored from plain facts and built into items
/// only when asked: a large register gives a reader thousands of candidates and a page shows
/// a handful.
struct IssueCandidates {
    /// Highlights, pairs and notices, which share the page's budget.
    let budgeted: [Candidate]
    /// A network's actions, all listed outside the budget.
    let actions: [Candidate]
    /// Stable across runs, for breaking ties.
    let key: (Candidate) -> String
    /// The candidate built with its weighed reasons; its score is the candidate's.
    let ranked: (Candidate) -> RankedItem
    /// When a contact counts as stale.
    let staleLimit: CivilDate

    func item(_ candidate: Candidate) -> DigestItem {
        ranked(candidate).item(staleLimit: staleLimit)
    }
}

extension DigestAssembler {
    /// Every candidate for `reader`'s page: what the issue's window holds, in the sections the
    /// digest asks for.
    func candidates(_ definition: DigestDefinition, for reader: Reader, covering window: DateWindow, in context: IssueContext) -> IssueCandidates {
        let issueDate = window.end
        let matches = matchmaker().matches(in: context, window: window, for: reader)
        let wanted = Set(definition.sections)
        let interests = similarity.themeMask(reader.interests)
        let readerFacts = facts.reader(reader)
        var budgeted: [Candidate] = []
        if wanted.contains(.highlights) {
            budgeted += context.newsPositions.indices.map { index in
                let position = context.newsPositions[index]
                let score = context.newsScores[index] + facts.score(position, sharedThemes: similarity.sharedThemes(position, interests), for: readerFacts)
                    + matches.strongestWeight(index)
                return Candidate(score: score, day: context.newsDays[index], source: .highlight(index))
            }
        }
        if wanted.contains(.similarProjects) {
            budgeted += matches.listed.indices.map { index in
                let pair = matches.listed[index]
                let position = pair.matchPosition
                let score = Self.matchBase + facts.score(position, sharedThemes: similarity.sharedThemes(position, interests), for: readerFacts)
                    + (pair.anchor == nil ? 0 : pair.weight)
                return Candidate(score: score, day: Int32(pair.date.dayNumber), source: .match(index))
            }
        }
        let notices = wanted.contains(.notices) ? notices(definition: definition, window: window, reader: reader) : []
        let actions = wanted.contains(.actions) ? actions(window: window, reader: reader) : []
        let built = notices + actions
        budgeted += notices.indices.map { Candidate(built: built, at: $0) }
        let ranked = { (candidate: Candidate) -> RankedItem in
            switch candidate.source {
            case .highlight(let index):
                return highlight(context.projectsWithNews[index], at: context.newsPositions[index], news: context.news[context.projectsWithNews[index].id]!,
                                 strongest: matches.strongest(index, in: context, similarity: similarity), reader: reader, facts: readerFacts)
            case .match(let index):
                return match(matches.listed[index], reader: reader, facts: readerFacts)
            case .built(let index):
                return built[index]
            }
        }
        return IssueCandidates(
            budgeted: budgeted,
            actions: actions.indices.map { Candidate(built: built, at: notices.count + $0) },
            key: { candidate in
                switch candidate.source {
                case .highlight(let index): Self.key(of: context.projectsWithNews[index])
                case .match(let index): Self.key(of: matches.listed[index])
                case .built(let index): built[index].key
                }
            },
            ranked: ranked,
            staleLimit: issueDate.adding(months: -configuration.settings.staleContactMonths))
    }
}
