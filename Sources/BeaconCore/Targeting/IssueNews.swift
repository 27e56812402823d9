/// What is new in an issue's window, decided in one place: the assembler reads it for what
/// each reader's page says, and opening an issue for whether there is anything to send.
enum IssueNews {
    /// What is new about each of `projects` in `window`: its latest update, a newly published
    /// evaluation, lessons recorded, or its approval. Projects with nothing new are left out.
    static func about(_ projects: [Project], in register: Register, window: DateWindow) -> [ProjectID: ProjectNews] {
        var latest: [ProjectID: ProgressUpdate] = [:]
        for update in register.updates where window.contains(update.reportedOn) {
            if let current = latest[update.project], (current.reportedOn, current.id) >= (update.reportedOn, update.id) { continue }
            latest[update.project] = update
        }
        let lessons = Dictionary(grouping: register.lessons.filter { window.contains($0.recordedOn) }, by: \.project)
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

    /// A notice published in the window is news; one published before it may still be in the
    /// diary for its coming event, but does not make an issue worth sending.
    static func isNew(_ notice: Notice, in window: DateWindow) -> Bool {
        window.contains(notice.publishedOn)
    }

    /// Whether a network's issue lists `action`: every open action, and those closed in the window.
    static func lists(_ action: NetworkAction, in window: DateWindow) -> Bool {
        action.status == .open || (action.closedOn.map(window.contains) ?? false)
    }
}

extension Configuration {
    /// Whether anything happened in `window` that `definition` reports: news about a project in
    /// its funds, a notice published, or for network digests an action listed. An issue without
    /// any is recorded but sent only if the digest asks. Needs none of the assembler's
    /// matchmaking, so it asks the register directly.
    public func hasNews(_ definition: DigestDefinition, in window: DateWindow) -> Bool {
        let scope = ProjectScope(definition, before: window.end)
        if !IssueNews.about(register.projects.filter(scope.contains), in: register, window: window).isEmpty { return true }
        if definition.sections.contains(.notices),
           register.notices.contains(where: { scope.covers($0.fund) && IssueNews.isNew($0, in: window) }) { return true }
        let networks = Set(definition.audiences)
        return definition.sections.contains(.actions) && register.actions.contains { networks.contains($0.network) && IssueNews.lists($0, in: window) }
    }
}
