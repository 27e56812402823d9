/// Everything the fund team keeps about its projects, indexed for targeting.
public struct Register: Sendable {
    public let funds: [Fund]
    public let themes: [Theme]
    public let projects: [Project]
    public let updates: [ProgressUpdate]
    public let lessons: [Lesson]
    public let notices: [Notice]
    public let actions: [NetworkAction]

    public let projectsByID: [ProjectID: Project]
    public let themesByID: [ThemeID: Theme]

    public init(
        funds: [Fund], themes: [Theme], projects: [Project], updates: [ProgressUpdate],
        lessons: [Lesson], notices: [Notice], actions: [NetworkAction]
    ) {
        self.funds = funds
        self.themes = themes
        self.projects = projects
        self.updates = updates
        self.lessons = lessons
        self.notices = notices
        self.actions = actions
        self.projectsByID = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.themesByID = Dictionary(themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func themeLabel(_ id: ThemeID) -> LocalizedText {
        themesByID[id]?.label ?? LocalizedText(id.rawValue)
    }
}
