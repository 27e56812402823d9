import Foundation

/// What every reader of one issue shares: the projects that exist by its date, what is new
/// about each in the window, and the fund's figures. Worked out once per digest and window
/// and kept, so 100,000 readers do not each go through every project and update.
struct IssueContext: Sendable {
    let projects: [Project]
    let news: [ProjectID: ProjectNews]
    /// The projects with news, in register order.
    let projectsWithNews: [Project]
    /// Not withdrawn: what the fund figures count.
    let liveProjects: [Project]
    let fundFigures: FundFigures
    /// Names this set of projects for the matchmaking cache.
    let scope: String
}

/// Issue contexts already worked out, by digest funds and window. Shared by the threads that
/// assemble readers' issues.
final class IssueContextCache: @unchecked Sendable {
    private let lock = NSLock()
    private var contexts: [String: IssueContext] = [:]

    func context(_ key: String, make: () -> IssueContext) -> IssueContext {
        if let known = lock.withLock({ contexts[key] }) { return known }
        let made = make()
        lock.withLock { contexts[key] = made }
        return made
    }
}
