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

    /// The fund-wide figures of `projects`, without an organisation's share.
    init(projects: [Project]) {
        total = Self.line(projects)
        let grouped = Dictionary(grouping: projects, by: \.organisation.sector)
        bySector = grouped.keys.sorted().map { SectorLine(sector: $0, line: Self.line(grouped[$0]!)) }
        yourOrganisation = nil
    }

    private init(total: Line, bySector: [SectorLine], yourOrganisation: Line?) {
        self.total = total
        self.bySector = bySector
        self.yourOrganisation = yourOrganisation
    }

    /// The same fund-wide figures with a reader's organisation's share: the fund's part is
    /// worked out once per issue, and each organisation's share once too.
    func sharing(_ share: Line?) -> FundFigures {
        FundFigures(total: total, bySector: bySector, yourOrganisation: share)
    }

    static func line(_ projects: [Project]) -> Line {
        Line(
            projects: projects.count,
            invested: projects.reduce(.zero) { $0 + $1.investment },
            projectedSavings: projects.reduce(.zero) { $0 + $1.projectedSavings },
            achievedSavings: projects.reduce(.zero) { $0 + ($1.achievedSavings ?? .zero) })
    }
}
