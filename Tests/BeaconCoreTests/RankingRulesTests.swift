@testable import BeaconCore
import Testing

/// One table of rules gives both the score candidates are ranked by and the reasons readers see.
@Suite("Ranking rules: every candidate's score is the sum of its reasons' weights")
struct RankingRulesTests {
    static let dates = ["2026-03-01", "2026-06-01", "2026-12-01", "2027-03-01"].compactMap(CivilDate.init(parsing:))

    /// Every reader of every digest: subscribers, shared editions and networks.
    func readers(of definition: DigestDefinition, in configuration: Configuration) -> [Reader] {
        configuration.subscribers(of: definition).compactMap { subscriber in
            configuration.audience(subscriber.audience).map { Reader(subscriber: subscriber, audience: $0) }
        } + configuration.editions(of: definition).map(Reader.init(edition:)) + configuration.networkEditions(of: definition).map(Reader.init(edition:))
    }

    @Test("For every candidate of every reader of a generated register, not only those on the page", arguments: [1, 2, 3] as [UInt64])
    func reasonsSumToScore(seed: UInt64) throws {
        var register = GeneratedRegister(seed: seed)
        let configuration = try register.fixture().load().configuration
        let assembler = DigestAssembler(configuration: configuration)
        var checked = 0
        for definition in configuration.digests {
            for reader in readers(of: definition, in: configuration) {
                for date in Self.dates {
                    let window = definition.window(endingOn: date, for: reader)
                    let candidates = assembler.candidates(definition, for: reader, covering: window, in: assembler.context(definition, window))
                    for candidate in candidates.budgeted + candidates.actions {
                        let ranked = candidates.ranked(candidate)
                        let weights = ranked.relevance.reasons.map(\.weight).reduce(0, +)
                        #expect(ranked.base + weights == candidate.score, "\(ranked.key) for \(reader.id) on \(date): ranked at \(candidate.score), reasons give \(ranked.base) + \(weights)")
                        #expect(ranked.item(staleLimit: date).reasons.count == ranked.relevance.reasons.count)
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 2_000)
    }

    @Test("A rule's weight is in the score exactly when its reason is given")
    func everyCombinationOfFacts() {
        for packed in PackedFacts.all {
            let facts = packed.facts
            let applying = RelevanceRule.table.filter { $0.applies(facts) }
            #expect(applying.allSatisfy { $0.weight(facts) > 0 })
        }
    }

    @Test("Readers alike in organisation, audience and interests share one issue; another interest gets its own")
    func sharedIssues() throws {
        var register = GeneratedRegister(seed: 4)
        let configuration = try register.fixture().load().configuration
        let assembler = DigestAssembler(configuration: configuration)
        let definition = try #require(configuration.digest(DigestID("portfolio")))
        let audience = try #require(configuration.audience(AudienceID("portfolio-holders")))
        let organisation = try #require(configuration.register.projects.first?.organisation)
        let reader = { (id: String, interests: [String]) in
            Reader(subscriber: Subscriber(
                id: SubscriberID(id), name: id, email: "\(id)@example.org", audience: audience.id, organisation: organisation,
                interests: interests.map(ThemeID.init), language: .both, channels: [], frequency: nil, consentOn: Fixture.issueDate,
                unsubscribedOn: nil), audience: audience)
        }
        let first = assembler.assemble(definition, for: reader("a", ["digital", "fleet"]), on: Fixture.issueDate)
        let alike = assembler.assemble(definition, for: reader("b", ["fleet", "digital"]), on: Fixture.issueDate)
        let other = assembler.assemble(definition, for: reader("c", ["workforce"]), on: Fixture.issueDate)
        #expect(first.sharingKey == alike.sharingKey)
        #expect(first.sharingKey != other.sharingKey)
        #expect(alike.reader.id == "b")
        let order = Reader.sharingOrder([first.reader, other.reader, nil, alike.reader])
        #expect(order.first == 2)
        #expect(abs(order.firstIndex(of: 0)! - order.firstIndex(of: 3)!) == 1)
    }
}
