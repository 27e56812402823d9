@testable import BeaconCore
import Foundation
import Testing

@Suite("Rendering: what a reader sees in each format and language")
struct RenderingTests {
    func render(_ fixture: Fixture = Fixture(), digest: String, for reader: String, as format: DigestFormat) throws -> String {
        let configuration = try fixture.load().configuration
        let definition = try #require(configuration.digest(DigestID(digest)))
        let assembled = DigestAssembler(configuration: configuration)
            .assemble(definition, for: try configuration.reader(reader, for: definition), on: Fixture.issueDate)
        return try DigestRenderer(configuration: configuration).render(assembled, as: format)
    }

    var hostileTitle: Fixture {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: "LED street lighting and part-night dimming,Goleuadau stryd LED",
                     with: "\"LED <script>alert('x')</script> & \"\"dimming\"\"\",Goleuadau <b>stryd</b> & LED")
        return fixture
    }

    @Test("HTML escapes register text: a <script> title shows as text")
    func htmlEscaping() throws {
        let html = try render(hostileTitle, digest: "portfolio", for: "cllr-eira", as: .html)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>stryd"))
        #expect(html.contains("LED &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;dimming&quot;"))
        #expect(html.contains("Goleuadau &lt;b&gt;stryd&lt;/b&gt; &amp; LED"))
    }

    @Test("Markdown escapes register text, so nothing becomes HTML or emphasis")
    func markdownEscaping() throws {
        let markdown = try render(hostileTitle, digest: "portfolio", for: "cllr-eira", as: .markdown)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("LED \\<script\\>alert('x')\\</script\\> \\& \"dimming\""))
        #expect(markdown.hasPrefix("# Crynodeb misol i ddeiliaid portffolio / Monthly digest for portfolio holders\n"))
    }

    @Test("A reader who takes both languages gets Welsh first, each part marked with its language, under one h1")
    func bilingualHTML() throws {
        let html = try render(digest: "portfolio", for: "cllr-eira", as: .html)
        #expect(html.contains("<html lang=\"cy\">"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        let welsh = try #require(html.range(of: "<section lang=\"cy\""))
        let english = try #require(html.range(of: "<section lang=\"en\""))
        #expect(welsh.lowerBound < english.lowerBound)
        #expect(html.contains("Y gronfa ar gip") == false)
        #expect(html.contains("Invest to Save ar gip") || html.contains("Buddsoddi i Arbed ar gip"))
        #expect(html.contains("Goleuadau stryd LED"))
        #expect(html.contains("LED street lighting and part-night dimming"))
    }

    @Test("A Welsh-only reader gets no English edition; a missing translation shows in English, marked")
    func welshOnly() throws {
        var fixture = Fixture()
        fixture.edit("register/updates.csv", replacing: "Second off-site store to close in March,Ail storfa i gau ym mis Mawrth", with: "Second off-site store to close in March,")
        let text = try render(fixture, digest: "directors", for: "ffion", as: .text)
        #expect(text.contains("Pam:"))
        #expect(!text.contains("Why:"))
        #expect(text.contains("Second off-site store to close in March (Saesneg yn unig)"))
        let html = try render(fixture, digest: "directors", for: "ffion", as: .html)
        #expect(html.contains("<span lang=\"en\">Second off-site store to close in March</span> <em style=\"font-size:13px;\">(Saesneg yn unig)</em>"))
    }

    @Test("An English-only reader gets no Welsh edition")
    func englishOnly() throws {
        let text = try render(digest: "directors", for: "rhys", as: .text)
        #expect(text.contains("Why:"))
        #expect(!text.contains("Pam:"))
        #expect(!text.contains("Cymraeg"))
    }

    @Test("Plain text is wrapped for mail clients and keeps Welsh letters")
    func plainText() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: "Goleuadau stryd LED,", with: "Goleuadau stryd LED ar gyfer ŵyr a ŷd â'r gâd,")
        let text = try render(fixture, digest: "portfolio", for: "cllr-eira", as: .text)
        for line in text.split(separator: "\n") where line.contains(" ") {
            #expect(line.count <= 72, "too long: \(line)")
        }
        for word in ["ŵyr", "ŷd", "â'r", "gâd"] { #expect(text.contains(word)) }
        #expect(text.contains("- Statws: ") == false)
        #expect(text.contains("  Statws: Ar y trywydd iawn") || text.contains("  Statws: Rhai pryderon"))
    }

    @Test("Wrapping counts Welsh letters as one character each, hangs list items under their text and never splits a link")
    func wrapping() {
        let welsh = "- " + Array(repeating: "ŵyr", count: 30).joined(separator: " ")
        let wrapped = PlainTextWrapper.wrap("Short line\n\(welsh)\n\n  " + String(repeating: "https://example.org/", count: 5) + " end\n")
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Short line")
        // 3 characters a word (4 bytes): 17 words fit in 72 characters after "- "; counted as bytes, 14 would.
        #expect(lines[1] == "- " + Array(repeating: "ŵyr", count: 17).joined(separator: " "))
        #expect(lines[2] == "  " + Array(repeating: "ŵyr", count: 13).joined(separator: " "))
        #expect(lines[3] == "")
        #expect(lines[4] == "  " + String(repeating: "https://example.org/", count: 5), "a word longer than the line stands alone")
        #expect(lines[5] == "  end")
        #expect(lines[6] == "", "the final line break is kept")
        #expect(lines.count == 7)
    }

    @Test("Each item tells the reader why it is there")
    func reasonsShown() throws {
        let text = try render(digest: "portfolio", for: "cllr-eira", as: .text)
        #expect(text.contains("(Why: your organisation · newly evaluated · independently evaluated)"))
        #expect(text.contains("Contact: Gareth Ffug, gareth.ffug@ceredigion.example"))
        let network = try render(digest: "network", for: "dof", as: .text)
        #expect(network.contains("- Overdue action: Share the records business case"))
        #expect(network.contains("(Why: overdue by 31 days)"))
    }

    @Test("A stale contact is flagged next to it")
    func staleContact() throws {
        let text = try render(digest: "directors", for: "rhys", as: .text)
        #expect(text.contains("Contact: Sioned Ffug, sioned.ffug@bcuhb.example\n  ! contact not confirmed since January 2025; check before calling"))
        let ffion = try render(digest: "directors", for: "ffion", as: .text)
        #expect(ffion.contains("Cyswllt: Sioned Ffug, sioned.ffug@bcuhb.example\n  ! cyswllt heb ei gadarnhau ers Ionawr 2025; gwiriwch cyn ffonio"))
    }

    @Test("The same inputs give byte-identical output in every format")
    func deterministic() throws {
        for format in DigestFormat.allCases {
            for (digest, reader) in [("portfolio", "cllr-eira"), ("directors", "ffion"), ("network", "dof")] {
                #expect(try render(digest: digest, for: reader, as: format) == render(digest: digest, for: reader, as: format))
            }
        }
    }

    @Test("An operator's template in Config/templates replaces the built-in one")
    func templateOverride() throws {
        var fixture = Fixture()
        fixture.files["templates/digest.text.mustache"] = "{{% CONTENT_TYPE: TEXT }}{{#editions}}[{{lang}}] {{title}}\n{{/editions}}"
        let text = try render(fixture, digest: "directors", for: "rhys", as: .text)
        #expect(text == "[en] Fortnightly digest for directors\n")
    }

    @Test("A broken template is reported with its file before anything is rendered")
    func brokenTemplate() throws {
        var fixture = Fixture()
        fixture.files["templates/digest.html.mustache"] = "{{#editions}}unclosed"
        let configuration = try fixture.load().configuration
        do {
            _ = try DigestRenderer(configuration: configuration)
            Issue.record("a broken template was accepted")
        } catch {
            #expect(error.diagnostics.map { Fixture.relative($0.description) }.first?.hasPrefix("templates/digest.html.mustache: the template cannot be read") == true)
        }
    }
}
