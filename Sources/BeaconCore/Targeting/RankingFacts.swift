/// What ranking knows of each project and of one reader, as plain numbers: a reader's issue of
/// a national register scores thousands of candidates, and reading shared `Project` objects
/// for each made two threads spend most of their time counting references to them.
///
/// `score` gives the sum the reasons of `Relevance.add(_:for:)` give; an item
/// on the page is built with those reasons and its score is checked against this one.
struct RankingFacts: Sendable {
    private struct ProjectFacts {
        let organisation: Int32
        let sector: UInt8
        let region: UInt8
        /// `OrganisationSize` position plus one; 0 when not given.
        let size: UInt8
        /// What independent or internal evaluation and achieved savings add, whoever reads.
        let evidence: UInt8
    }

    /// One reader's side, worked out once per issue.
    struct ReaderFacts {
        /// The organisation's number among the projects', -1 when it has none there.
        fileprivate let organisation: Int32?
        fileprivate let sector: UInt8?
        fileprivate let region: UInt8?
        fileprivate let size: UInt8
        /// For a reader without an organisation: the sector of their edition.
        fileprivate let editionSector: UInt8?
        /// For a network: bit `i` set for the `i`th sector it looks after.
        fileprivate let networkSectors: UInt16?
    }

    private let projects: [ProjectFacts]
    private let organisations: [String: Int]

    init(projects: [Project]) {
        var organisations = Numbering<String>()
        self.projects = projects.map { project in
            let number = Int32(organisations(project.organisation.key))
            var evidence: UInt8 = switch project.evaluation.kind {
            case .independent: 15
            case .internal: 5
            case .none: 0
            }
            if let achieved = project.achievedSavings, achieved > .zero { evidence += 10 }
            return ProjectFacts(
                organisation: number, sector: Self.number(project.organisation.sector), region: Self.number(project.organisation.region),
                size: project.organisation.size.map { Self.number($0) + 1 } ?? 0, evidence: evidence)
        }
        self.organisations = organisations.numbers
    }

    func reader(_ reader: Reader) -> ReaderFacts {
        let own = reader.organisation
        return ReaderFacts(
            organisation: own.map { Int32(organisations[$0.key] ?? -1) }, sector: own.map { Self.number($0.sector) },
            region: own.flatMap { $0.region == .allWales ? nil : Self.number($0.region) },
            size: own?.size.map { Self.number($0) + 1 } ?? 0,
            editionSector: own == nil ? reader.sector.map { Self.number($0) } : nil,
            networkSectors: reader.network.map { network in
                network.sectors.reduce(0) { $0 | 1 << UInt16(Self.number($1)) }
            })
    }

    /// How the project at `position` relates to the reader, who shares `sharedThemes` of its themes.
    func score(_ position: Int, sharedThemes shared: Int, for reader: ReaderFacts) -> Int {
        let project = projects[position]
        var score = Int(project.evidence)
        let interests = shared > 0 ? 8 * min(shared, 3) : 0
        if let organisation = reader.organisation {
            if organisation == project.organisation {
                score += 50
            } else {
                if reader.sector == project.sector {
                    score += 20
                    if reader.size != 0, reader.size == project.size { score += 5 }
                } else if shared > 0 {
                    score += 15
                }
                if reader.region == project.region { score += 10 }
            }
            score += interests
        } else {
            if reader.editionSector == project.sector { score += 20 }
            if reader.networkSectors != nil { score += interests }
        }
        if let sectors = reader.networkSectors, sectors & 1 << UInt16(project.sector) != 0 { score += 20 }
        return score
    }

    private static func number<Value: CaseIterable & Equatable>(_ value: Value) -> UInt8 {
        UInt8(Value.allCases.firstIndex(of: value).map { Value.allCases.distance(from: Value.allCases.startIndex, to: $0) }!)
    }
}
