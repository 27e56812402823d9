@testable import BeaconCore
import Testing

/// Whether an issue has news, and what each reader's page says is new, are decided in one place.
@Suite("Issue news: opening an issue and assembling it agree on what is new")
struct IssueNewsTests {
    @Test("An issue without news gives no reader a highlight or an action; one with project news always has news")
    func openingAgreesWithAssembly() throws {
        var register = GeneratedRegister(seed: 5)
        let configuration = try register.fixture(readers: 12).load().configuration
        let assembler = DigestAssembler(configuration: configuration)
        var windows = 0
        for definition in configuration.digests {
            let readers = configuration.subscribers(of: definition).compactMap { subscriber in
                configuration.audience(subscriber.audience).map { Reader(subscriber: subscriber, audience: $0) }
            } + configuration.networkEditions(of: definition).map(Reader.init(edition:))
            var start = CivilDate(year: 2025, month: 1, day: 1)!
            while start < CivilDate(year: 2027, month: 1, day: 1)! {
                let window = DateWindow(start: start, end: start.adding(days: 10))
                let hasNews = configuration.hasNews(definition, in: window)
                if !assembler.context(definition, window).news.isEmpty { #expect(hasNews, "\(definition.id) \(window)") }
                if !hasNews {
                    for reader in readers {
                        let digest = assembler.assemble(definition, for: reader, covering: window)
                        #expect(digest.sections.allSatisfy { $0.kind != .highlights && $0.kind != .actions || $0.items.isEmpty },
                                "\(definition.id) for \(reader.id) \(window)")
                    }
                }
                windows += 1
                start = window.end
            }
        }
        #expect(windows > 100)
    }
}
