/// Fund-wide figures for portfolio holders: what the fund has invested and saved, by sector,
/// and the reader's own organisation's share.
public struct FundFigures: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public let projects: Int
        public let invested: Pence
        public let projectedSavings: Pence
        public let achievedSavings: Pence
    }

    public struct SectorLine: Sendable, Hashable {
        public let sector: Sector
        public let line: Line
    }

    public let total: Line
    public let bySector: [SectorLine]
    public let yourOrganisation: Line?

    init(projects: [Project], organisation: Organisation?) {
        total = Self.line(projects)
        let grouped = Dictionary(grouping: projects, by: \.organisation.sector)
        bySector = grouped.keys.sorted().map { SectorLine(sector: $0, line: Self.line(grouped[$0]!)) }
        yourOrganisation = Self.share(of: organisation, among: projects)
    }

    private init(total: Line, bySector: [SectorLine], yourOrganisation: Line?) {
        self.total = total
        self.bySector = bySector
        self.yourOrganisation = yourOrganisation
    }

    /// The same fund-wide figures with `organisation`'s share among `projects`, the projects
    /// they were made from: the fund's part is worked out once per issue, not per reader.
    func sharing(with organisation: Organisation?, among projects: [Project]) -> FundFigures {
        FundFigures(total: total, bySector: bySector, yourOrganisation: Self.share(of: organisation, among: projects))
    }

    private static func share(of organisation: Organisation?, among projects: [Project]) -> Line? {
        let own = organisation.map { organisation in projects.filter { $0.organisation.key == organisation.key } } ?? []
        return own.isEmpty ? nil : line(own)
    }

    private static func line(_ projects: [Project]) -> Line {
        Line(
            projects: projects.count,
            invested: projects.reduce(.zero) { $0 + $1.investment },
            projectedSavings: projects.reduce(.zero) { $0 + $1.projectedSavings },
            achievedSavings: projects.reduce(.zero) { $0 + ($1.achievedSavings ?? .zero) })
    }
}
