@testable import BeaconCore
import Testing

@Suite("The word budget keeps a page about a page, however the register's text is written")
struct PageBudgetTests {
    /// The Ceredigion project, first for this reader, with one of its titles made a single
    /// 990-character word, on a page of 60 words.
    func assembled(title: String, with text: String) throws -> [String] {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: title, with: text)
        fixture.edit("digests.yml", replacing: "    frequency: monthly\n", with: "    frequency: monthly\n    budget: {items: 8, words: 60}\n")
        let configuration = try fixture.load().configuration
        let definition = try #require(configuration.digest(DigestID("portfolio")))
        let digest = DigestAssembler(configuration: configuration).assemble(definition, for: try configuration.reader("cllr-eira", for: definition), on: Fixture.issueDate)
        return digest.sections.flatMap(\.items).map(\.key)
    }

    @Test("A title that is one long unbroken word counts by its length, so it no longer fits a short page")
    func longEnglishWord() throws {
        #expect(try assembled(title: "LED street lighting and part-night dimming", with: "LED street lighting").contains("project:CER-1"))
        let items = try assembled(title: "LED street lighting and part-night dimming", with: String(repeating: "x", count: 990))
        #expect(!items.contains("project:CER-1"))
        #expect(!items.isEmpty)
    }

    @Test("A Welsh title far longer than its English counts by its length too, since Welsh readers see it")
    func longWelsh() throws {
        let items = try assembled(title: "Goleuadau stryd LED", with: String(repeating: "golau ", count: 165))
        #expect(!items.contains("project:CER-1"))
    }

    @Test("Words of ordinary length count one each")
    func ordinaryWords() {
        let notice = Notice(
            id: NoticeID("N"), fund: FundID("f"), kind: .seminar,
            title: LocalizedText(english: "Patient records seminar", welsh: "Seminar cofnodion cleifion"),
            details: LocalizedText(english: "For health boards, in Llandrindod Wells.", welsh: nil),
            publishedOn: Fixture.issueDate, eventOn: nil, sectors: [], link: nil)
        #expect(DigestItem.Content.notice(notice).pageWordCount == 6 + 3 + 6)
        let long = Notice(
            id: NoticeID("N"), fund: FundID("f"), kind: .seminar, title: LocalizedText(String(repeating: "x", count: 160)),
            details: nil, publishedOn: Fixture.issueDate, eventOn: nil, sectors: [], link: nil)
        #expect(DigestItem.Content.notice(long).pageWordCount == 6 + 10)
    }
}
