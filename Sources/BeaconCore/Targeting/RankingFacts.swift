/// What ranking knows of each project and of one reader, as plain numbers: a reader's issue of
/// a national register scores thousands of candidates, and reading shared `Project` objects
/// for each made two threads spend most of their time counting references to them.
///
/// A candidate's facts are packed into a small number, and `RelevanceRule.table` is worked
/// out once for every such number: scoring is then one look-up, and an item on the page
/// takes its reasons from the rules that the same number satisfies.
struct RankingFacts: Sendable {
    private struct ProjectFacts {
        let organisation: Int32
        let sector: UInt8
        let region: UInt8
        /// `OrganisationSize` position plus one; 0 when not given.
        let size: UInt8
        /// The facts of the project alone (evaluation and savings achieved), packed.
        let evidence: UInt16
    }

    /// One reader's side, worked out once per issue. What the reader lacks is a value no
    /// project has (`none`, -1), so each fact is one comparison.
    struct ReaderFacts {
        /// The organisation's number among the projects'; -1 without one, or when it has none there.
        fileprivate let organisation: Int32
        fileprivate let sector: UInt8
        /// `none` for all of Wales too.
        fileprivate let region: UInt8
        /// As the projects' sizes: 0 when not given.
        fileprivate let size: UInt8
        /// For a reader without an organisation: the sector of their edition.
        fileprivate let editionSector: UInt8
        /// For a network: bit `i` set for the `i`th sector it looks after; 0 for anyone else.
        fileprivate let networkSectors: UInt16
        /// Whether the reader has an organisation and is a network, packed.
        fileprivate let kind: UInt16
    }

    private let projects: [ProjectFacts]
    let organisations: OrganisationNumbers
    /// By packed facts: the sum of the weights of the rules they satisfy.
    private let weights: [UInt8]

    init(projects: [Project]) {
        let organisations = OrganisationNumbers(projects: projects)
        self.organisations = organisations
        self.projects = projects.indices.map { position in
            let project = projects[position]
            let evidence = PackedFacts(project: project)
            return ProjectFacts(
                organisation: organisations.ofProject[position], sector: Self.number(project.organisation.sector),
                region: Self.number(project.organisation.region), size: project.organisation.size.map { Self.number($0) + 1 } ?? 0,
                evidence: evidence.bits)
        }
        weights = PackedFacts.all.map { packed in
            let facts = packed.facts
            let sum = RelevanceRule.table.reduce(0) { total, rule in rule.applies(facts) ? total + rule.weight(facts) : total }
            return UInt8(sum)
        }
    }

    func reader(_ reader: Reader) -> ReaderFacts {
        let own = reader.organisation
        return ReaderFacts(
            organisation: own.flatMap { organisations.number(of: $0) } ?? -1, sector: own.map { Self.number($0.sector) } ?? Self.none,
            region: own.flatMap { $0.region == .allWales ? nil : Self.number($0.region) } ?? Self.none,
            size: own?.size.map { Self.number($0) + 1 } ?? 0,
            editionSector: own == nil ? reader.sector.map { Self.number($0) } ?? Self.none : Self.none,
            networkSectors: reader.network.map { network in
                network.sectors.reduce(0) { $0 | 1 << UInt16(Self.number($1)) }
            } ?? 0,
            kind: PackedFacts(readerHasOrganisation: own != nil, readerIsNetwork: reader.network != nil).bits)
    }

    /// What the rules make of the project at `position` for the reader, who shares `sharedThemes` of its themes.
    func score(_ position: Int, sharedThemes: Int, for reader: ReaderFacts) -> Int {
        Int(weights[Int(packed(position, sharedThemes: sharedThemes, for: reader).bits)])
    }

    /// The same as `score`, with the reason each rule gives: for an item on the page.
    func relevance(_ position: Int, of project: Project, for reader: Reader, _ facts: ReaderFacts) -> Relevance {
        let shared = project.themes.filter { reader.interests.contains($0) }
        let ruled = packed(position, sharedThemes: shared.count, for: facts).facts
        var relevance = Relevance()
        for rule in RelevanceRule.table where rule.applies(ruled) {
            relevance.add(rule.weight(ruled), rule.reason(project, shared))
        }
        return relevance
    }

    private func packed(_ position: Int, sharedThemes: Int, for reader: ReaderFacts) -> PackedFacts {
        let project = projects[position]
        var packed = PackedFacts(bits: reader.kind | project.evidence)
        packed.insert(.ownOrganisation, if: reader.organisation == project.organisation)
        packed.insert(.sameSector, if: reader.sector == project.sector)
        packed.insert(.sameSize, if: reader.size != 0 && reader.size == project.size)
        packed.insert(.sameRegion, if: reader.region == project.region)
        packed.insert(.editionSector, if: reader.editionSector == project.sector)
        packed.insert(.networkSector, if: reader.networkSectors & 1 << UInt16(project.sector) != 0)
        packed.insertSharedThemes(sharedThemes)
        return packed
    }

    /// No sector or region: numbers count from 0, and there are far fewer than this.
    private static let none = UInt8.max

    private static func number<Value: CaseIterable & Equatable>(_ value: Value) -> UInt8 {
        UInt8(Value.allCases.firstIndex(of: value).map { Value.allCases.distance(from: Value.allCases.startIndex, to: $0) }!)
    }
}
