/// What every reader of one issue shares: the projects that exist by its date, what is new
/// about each in the window, and the fund's figures. Worked out once per digest and window
/// and kept, so 100,000 readers do not each go through every project and update.
struct IssueContext: Sendable {
    let scope: ProjectScope
    let projects: [Project]
    let news: [ProjectID: ProjectNews]
    /// The projects with news, in register order.
    let projectsWithNews: [Project]
    /// Where each of `projectsWithNews` is among the similarity's projects.
    let newsPositions: [Int]
    /// By position in `projectsWithNews`: what the news adds to the project's rank for every
    /// reader, and the date of its latest news.
    let newsScores: [Int]
    /// As day numbers, for ranking.
    let newsDays: [Int32]
    /// Not withdrawn: what the fund figures count.
    let liveProjects: [Project]
    let fundFigures: FundFigures
    /// By organisation number: its share of the fund figures; nil for one with no live project.
    private let organisationShares: [FundFigures.Line?]
    private let organisations: OrganisationNumbers

    init(scope: ProjectScope, window: DateWindow, register: Register, similarity: ProjectSimilarity, organisations: OrganisationNumbers) {
        self.scope = scope
        self.organisations = organisations
        let projects = register.projects.filter(scope.contains)
        let news = IssueNews.about(projects, in: register, window: window)
        let withNews = projects.filter { news[$0.id] != nil }
        let relevance = withNews.map { project in
            var score = RelevanceScore()
            let (base, date) = DigestAssembler.newsRelevance(project, news[project.id]!, into: &score)
            return (score: base + score.score, date: date)
        }
        self.projects = projects
        self.news = news
        projectsWithNews = withNews
        newsPositions = withNews.map { similarity.position(of: $0)! }
        newsScores = relevance.map(\.score)
        newsDays = relevance.map { Int32($0.date.dayNumber) }
        liveProjects = projects.filter { $0.status != .withdrawn }
        fundFigures = FundFigures(projects: liveProjects)
        var byOrganisation = [[Project]](repeating: [], count: organisations.count)
        for project in liveProjects { byOrganisation[Int(organisations.number(of: project.organisation)!)].append(project) }
        organisationShares = byOrganisation.map { $0.isEmpty ? nil : FundFigures.line($0) }
    }

    /// `organisation`'s share of the fund figures, if it has live projects.
    func organisationShare(of organisation: Organisation?) -> FundFigures.Line? {
        organisation.flatMap(organisations.number).flatMap { organisationShares[Int($0)] }
    }
}
