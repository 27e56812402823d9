@testable import BeaconCore
import Testing

@Suite("Targeting: each reader gets what is new and relevant to them, with the reason")
struct TargetingTests {
    let configuration: Configuration
    let assembler: DigestAssembler

    init() throws {
        configuration = try Fixture().load().configuration
        assembler = DigestAssembler(configuration: configuration)
    }

    func assemble(_ digest: String, for reader: String, on date: CivilDate = Fixture.issueDate) throws -> AssembledDigest {
        let definition = try #require(configuration.digest(DigestID(digest)))
        return assembler.assemble(definition, for: try configuration.reader(reader, for: definition), on: date)
    }

    func keys(_ digest: AssembledDigest, _ section: DigestSection) -> [String] {
        digest.sections.first { $0.kind == section }?.items.map(\.key) ?? []
    }

    @Test("A portfolio holder sees their own council's news first, then proven work elsewhere")
    func portfolioRanking() throws {
        let digest = try assemble("portfolio", for: "cllr-eira")
        #expect(digest.window == DateWindow(start: CivilDate(year: 2026, month: 11, day: 1)!, end: Fixture.issueDate))
        #expect(keys(digest, .highlights) == ["project:CER-1", "project:HD-1", "project:COL-1", "project:POW-1", "project:CV-1", "project:BC-1"])
        let first = try #require(digest.sections.first { $0.kind == .highlights }?.items.first)
        #expect(first.reasons.prefix(3) == [.yourOrganisation, .newlyEvaluated, .independentlyEvaluated])
        let powys = try #require(digest.sections.first { $0.kind == .highlights }?.items.first { $0.key == "project:POW-1" })
        #expect(powys.reasons == [.sameSector(.localGovernment), .newlyApproved, .sameRegion(.midWales), .similarOrganisation])
    }

    @Test("A project like the reader's own that has news says so in its highlight, and is not repeated as a match")
    func matchWithNews() throws {
        let digest = try assemble("portfolio", for: "cllr-eira")
        let college = try #require(digest.sections.first { $0.kind == .highlights }?.items.first { $0.key == "project:COL-1" })
        #expect(college.reasons.first == .similarToYours(title: LocalizedText(english: "LED street lighting and part-night dimming", welsh: "Goleuadau stryd LED")))
        #expect(keys(digest, .similarProjects).isEmpty)
    }

    @Test("Portfolio holders get fund-wide figures in pence, and their organisation's share")
    func fundFigures() throws {
        let figures = try #require(try assemble("portfolio", for: "cllr-eira").figures)
        #expect(figures.total.projects == 6)
        #expect(figures.total.invested == Pence(543_500_000))
        #expect(figures.total.achievedSavings == Pence(119_000_000))
        #expect(figures.yourOrganisation?.invested == Pence(110_000_000))
        #expect(figures.bySector.map(\.sector) == [.health, .localGovernment, .furtherEducation])
        #expect(figures.bySector.map(\.line.projects) == [3, 2, 1])
    }

    @Test("Matchmaking: a health board director is told who else is building patient records, with the contact to call")
    func matchmaking() throws {
        let digest = try assemble("directors", for: "ffion", on: CivilDate(year: 2026, month: 11, day: 15)!)
        let matches = try #require(digest.sections.first { $0.kind == .similarProjects }?.items)
        let matched = matches.compactMap { item -> String? in
            if case .similar(let match, let anchor, false) = item.content, anchor?.id == ProjectID("HD-1") { return match.id.rawValue }
            return nil
        }
        #expect(Set(matched) == ["BC-1", "CV-1"])
        let betsi = try #require(matches.first { $0.project?.id == ProjectID("BC-1") })
        #expect(betsi.reasons.first == .similarToYours(title: LocalizedText(english: "Digital patient records in outpatient clinics", welsh: "Cofnodion cleifion digidol mewn clinigau")))
        #expect(betsi.staleContactSince == CivilDate(year: 2025, month: 1, day: 10))
        #expect(!matches.contains { $0.project?.id == ProjectID("CER-1") })
    }

    @Test("Patient-record projects are more like each other than like street lighting")
    func similarity() throws {
        let projects = configuration.register.projectsByID
        let similarity = ProjectSimilarity(projects: configuration.register.projects)
        let records = similarity.score(projects[ProjectID("HD-1")]!, projects[ProjectID("CV-1")]!)
        let lighting = similarity.score(projects[ProjectID("HD-1")]!, projects[ProjectID("CER-1")]!)
        #expect(records >= ProjectSimilarity.threshold)
        #expect(lighting < ProjectSimilarity.threshold)
        #expect(similarity.score(projects[ProjectID("CER-1")]!, projects[ProjectID("COL-1")]!) >= ProjectSimilarity.threshold)
    }

    @Test("A fortnightly window leaves out what the previous issue covered")
    func fortnightlyWindow() throws {
        let digest = try assemble("directors", for: "ffion")
        #expect(digest.window.start == CivilDate(year: 2026, month: 11, day: 17))
        #expect(!keys(digest, .highlights).contains("project:HD-1"))
        #expect(keys(digest, .highlights).contains("project:CER-1"))
    }

    @Test("A reader who takes a digest less often gets a longer window")
    func readerFrequency() throws {
        var fixture = Fixture()
        fixture.edit("subscribers.yml", replacing: "    language: en\n    consent_on: 2026-01-12\n  - id: huw", with: "    language: en\n    frequency: monthly\n    consent_on: 2026-01-12\n  - id: huw")
        let configuration = try fixture.load().configuration
        let definition = try #require(configuration.digest(DigestID("directors")))
        let digest = DigestAssembler(configuration: configuration).assemble(definition, for: try configuration.reader("rhys", for: definition), on: Fixture.issueDate)
        #expect(digest.window.start == CivilDate(year: 2026, month: 11, day: 1))
    }

    @Test("Notices for another sector are left out; upcoming ones for the reader's sector stay")
    func notices() throws {
        #expect(keys(try assemble("portfolio", for: "cllr-eira"), .notices) == ["notice:N1"])
        #expect(keys(try assemble("directors", for: "ffion"), .notices) == ["notice:N2", "notice:N1"])
    }

    @Test("A network's bulletin lists every open action, overdue first, and those closed since the last meeting")
    func networkActions() throws {
        let digest = try assemble("network", for: "dof")
        #expect(digest.window.start == CivilDate(year: 2026, month: 9, day: 15))
        #expect(keys(digest, .actions) == ["action:A1", "action:A2", "action:A3"])
        let overdue = try #require(digest.sections.first { $0.kind == .actions }?.items.first)
        #expect(overdue.reasons == [.overdue(days: 31)])
        #expect(try assemble("network", for: "huw").sections.first { $0.kind == .actions }?.items.count == 3)
    }

    @Test("A network is introduced to pairs of organisations doing similar work, both contacts given")
    func networkMatchmaking() throws {
        let digest = try assemble("network", for: "dof")
        let items = try #require(digest.sections.first { $0.kind == .similarProjects }?.items)
        let pairs = items.compactMap { item -> Set<String>? in
            guard case .similar(let match, let anchor?, true) = item.content else { return nil }
            return [match.id.rawValue, anchor.id.rawValue]
        }
        #expect(pairs.contains(["HD-1", "CV-1"]))
        #expect(items.allSatisfy { $0.content.contactProjects.count == 2 })
    }

    @Test("The budget keeps a digest to a page and counts what was left out")
    func budget() throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "    frequency: monthly\n", with: "    frequency: monthly\n    budget: {items: 3, words: 1000}\n")
        let configuration = try fixture.load().configuration
        let definition = try #require(configuration.digest(DigestID("portfolio")))
        let assembler = DigestAssembler(configuration: configuration)
        let digest = assembler.assemble(definition, for: try configuration.reader("cllr-eira", for: definition), on: Fixture.issueDate)
        let items = digest.sections.flatMap(\.items)
        #expect(items.map(\.key) == ["project:CER-1", "project:HD-1", "project:COL-1"])
        #expect(digest.omitted == 4)

        fixture.edit("digests.yml", replacing: "budget: {items: 3, words: 1000}", with: "budget: {items: 20, words: 120}")
        let short = try fixture.load().configuration
        let shortDigest = DigestAssembler(configuration: short).assemble(
            short.digest(DigestID("portfolio"))!, for: try short.reader("cllr-eira", for: short.digest(DigestID("portfolio"))!), on: Fixture.issueDate)
        #expect(shortDigest.sections.flatMap(\.items).reduce(0) { $0 + $1.words } <= 120)
        #expect(shortDigest.omitted > 0)
    }

    @Test("Nothing new means an empty issue, even for a reader with projects like others'")
    func empty() throws {
        let digest = try assemble("directors", for: "rhys", on: CivilDate(year: 2026, month: 8, day: 1)!)
        #expect(digest.isEmpty)
    }

    @Test("Projects approved after the issue date are not in it")
    func asOf() throws {
        let digest = try assemble("portfolio", for: "cllr-eira", on: CivilDate(year: 2026, month: 11, day: 5)!)
        #expect(!digest.sections.flatMap(\.items).contains { $0.project?.id == ProjectID("POW-1") })
        #expect(digest.figures?.total.projects == 5)
    }

    @Test("A network's pairs taken a few at a time, strongest first, give the same page as all at once")
    func networkPairsInBands() throws {
        let configuration = try ConfigurationLoader.load(settingsFile: BuiltInLayoutTests.example, environment: [:], ignoringOtherSections: true).configuration
        let definition = try #require(configuration.digests.first { $0.sections.contains(.similarProjects) && $0.audiences.contains { id in
            configuration.audience(id)?.kind == .network } })
        let whole = DigestAssembler(configuration: configuration)
        let inBands = DigestAssembler(configuration: configuration, networkBandSize: 1)
        var pairs = 0
        for network in configuration.audiences where network.kind == .network && definition.audiences.contains(network.id) {
            let reader = Reader(network: network)
            for date in ["2026-11-02", "2026-12-01", "2026-12-15"].compactMap(CivilDate.init(parsing:)) {
                let keys = { (assembler: DigestAssembler) in
                    assembler.assemble(definition, for: reader, on: date).sections.flatMap { $0.items.map(\.key) }
                }
                #expect(keys(inBands) == keys(whole), "\(network.id) on \(date)")
                pairs += keys(whole).filter { $0.hasPrefix("match:") }.count
            }
        }
        #expect(pairs > 0, "the example gives networks no pairs to compare")
    }

    @Test("Readers are found by subscriber id or network id, and only for digests written for them")
    func readerLookup() throws {
        let definition = try #require(configuration.digest(DigestID("portfolio")))
        #expect(throws: ReaderLookupError.notInDigestAudience("ffion", digest: DigestID("portfolio"))) {
            try configuration.reader("ffion", for: definition)
        }
        #expect(throws: ReaderLookupError.unknownReader("nobody", digest: DigestID("portfolio"))) {
            try configuration.reader("nobody", for: definition)
        }
    }
}
