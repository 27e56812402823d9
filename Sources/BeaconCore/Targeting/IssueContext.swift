import Foundation

/// What every reader of one issue shares: the projects that exist by its date, what is new
/// about each in the window, and the fund's figures. Worked out once per digest and window
/// and kept, so 100,000 readers do not each go through every project and update.
struct IssueContext: Sendable {
    let projects: [Project]
    let news: [ProjectID: ProjectNews]
    /// The projects with news, in register order.
    let projectsWithNews: [Project]
    /// Where each of `projectsWithNews` is among the similarity's projects.
    let newsPositions: [Int]
    /// By position in `projectsWithNews`: what the news adds to the project's rank for every
    /// reader, and the date of its latest news.
    let newsScores: [Int]
    let newsDates: [CivilDate]
    /// Not withdrawn: what the fund figures count.
    let liveProjects: [Project]
    let fundFigures: FundFigures
    /// Names this set of projects for the matchmaking cache.
    let scope: String
}
